package io.jenkins.plugins.dataops.steps;

import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InputLimits;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the controller must know from the spec before the engine call: for each environment of the step, the
 * credentials ids it names and whether the spec protects it. The controller reads the spec's bytes from the
 * workspace and parses them itself ({@link SpecLoader#parseDeclarations}), so an agent cannot choose which
 * credentials are resolved for it or whether a target is protected; the agent still does the full load for
 * the engine call. The reading of the facts is the engine's
 * ({@link io.jenkins.plugins.dataops.engine.policy.SpecFacts}).
 */
final class SpecFacts {
    private final io.jenkins.plugins.dataops.engine.policy.SpecFacts facts;

    private SpecFacts(final io.jenkins.plugins.dataops.engine.policy.SpecFacts facts) {
        this.facts = facts;
    }

    /**
     * Reads the spec from the workspace and parses its facts on the controller.
     *
     * @param workspace    the workspace
     * @param spec         the spec's path in the workspace
     * @param environments the environments of the step
     * @return the facts
     * @throws AbortException       when the spec is missing, too large, not UTF-8 or invalid, naming it
     * @throws IOException          when the workspace cannot be read
     * @throws InterruptedException when the build is interrupted while reading
     */
    static SpecFacts read(final FilePath workspace, final String spec, final List<String> environments)
            throws IOException, InterruptedException {
        String text = readText(workspace, spec);
        try {
            return new SpecFacts(io.jenkins.plugins.dataops.engine.policy.SpecFacts.of(
                    SpecLoader.parseDeclarations(spec, text), environments));
        } catch (DataOpsException e) {
            throw new AbortException(ConsoleProgress.PREFIX + e.getMessage());
        }
    }

    /**
     * Reads at most the spec size limit plus one byte, whatever the agent said the length was, and decodes
     * them strictly as UTF-8 (the engine's charset; {@code FilePath.readToString()} would use the agent's
     * default charset and read a file of any size).
     */
    private static String readText(final FilePath workspace, final String spec)
            throws IOException, InterruptedException {
        FilePath file = workspace.child(spec);
        if (!file.exists() || file.isDirectory()) {
            throw new AbortException(ConsoleProgress.PREFIX
                    + "Spec file '%s' not found in the workspace; pass spec: 'path/to/dataops.yaml' to the step or set the default spec in the DataOps configuration."
                            .formatted(spec));
        }
        byte[] bytes;
        try (InputStream in = file.read()) {
            bytes = in.readNBytes((int) InputLimits.SPEC_BYTES + 1);
        }
        try {
            InputLimits.requireLength(spec, bytes.length, InputLimits.SPEC_BYTES, "Spec");
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (DataOpsException e) {
            throw new AbortException(ConsoleProgress.PREFIX + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new AbortException(
                    ConsoleProgress.PREFIX + "Spec '%s' is not UTF-8 text; save it as UTF-8.".formatted(spec));
        }
    }

    /**
     * Tells whether the spec protects an environment.
     *
     * @param environment the environment
     * @return true when the spec says {@code protected: true}
     */
    boolean isProtected(final String environment) {
        return facts.isProtected(environment);
    }

    /**
     * Returns the facts as the engine's value, for the administrator's policy.
     *
     * @return the facts
     */
    io.jenkins.plugins.dataops.engine.policy.SpecFacts toPolicyFacts() {
        return facts;
    }
}
