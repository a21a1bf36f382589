package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.MasterToSlaveFileCallable;

/**
 * What the controller must know from the spec before the engine call: for each environment of the step,
 * the credentials ids it names and whether the spec protects it. Read on the agent (the spec is in the
 * workspace) by {@link Reader}; the reading itself is the engine's
 * ({@link io.jenkins.plugins.dataops.engine.policy.SpecFacts}). This class only carries the facts across the
 * channel in plain JDK collections.
 */
public final class SpecFacts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, ArrayList<String>> credentialIds = new LinkedHashMap<>();
    private final ArrayList<String> protectedEnvironments = new ArrayList<>();

    @CheckForNull
    private String error;

    /**
     * Returns the credentials ids per environment.
     *
     * @return environment name to ids
     */
    public Map<String, List<String>> getCredentialIds() {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        credentialIds.forEach((env, ids) -> copy.put(env, List.copyOf(ids)));
        return copy;
    }

    /**
     * Tells whether the spec protects an environment.
     *
     * @param environment the environment
     * @return true when the spec says {@code protected: true}
     */
    public boolean isProtected(final String environment) {
        return protectedEnvironments.contains(environment);
    }

    /**
     * Returns the facts as the engine's value, for the administrator's policy.
     *
     * @return the facts
     */
    public io.jenkins.plugins.dataops.engine.policy.SpecFacts toPolicyFacts() {
        return new io.jenkins.plugins.dataops.engine.policy.SpecFacts(
                getCredentialIds(), new LinkedHashSet<>(protectedEnvironments));
    }

    @CheckForNull
    public String getError() {
        return error;
    }

    /** Reads the facts on the agent; an invalid spec becomes the error message. */
    static final class Reader extends MasterToSlaveFileCallable<SpecFacts> {
        @Serial
        private static final long serialVersionUID = 1L;

        private static final Logger LOGGER = Logger.getLogger(Reader.class.getName());

        private final String spec;
        private final ArrayList<String> environments;

        Reader(final String spec, final List<String> environments) {
            this.spec = spec;
            this.environments = new ArrayList<>(environments);
        }

        @Override
        public SpecFacts invoke(final File workspace, final VirtualChannel channel) {
            SpecFacts facts = new SpecFacts();
            try {
                io.jenkins.plugins.dataops.engine.policy.SpecFacts read =
                        io.jenkins.plugins.dataops.engine.policy.SpecFacts.of(
                                SpecLoader.load(workspace.toPath().resolve(spec)), environments);
                read.credentialIds().forEach((name, ids) -> facts.credentialIds.put(name, new ArrayList<>(ids)));
                facts.protectedEnvironments.addAll(read.protectedEnvironments());
            } catch (DataOpsException e) {
                facts.error = ConsoleProgress.PREFIX + e.getMessage();
            } catch (RuntimeException e) {
                // only the message crosses the channel, never the exception (see EngineCall)
                LOGGER.log(Level.WARNING, "Cannot read the DataOps spec " + spec, e);
                facts.error = ConsoleProgress.PREFIX + EngineCall.unexpected(e);
            }
            return facts;
        }
    }
}
