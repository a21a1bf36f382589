package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.MasterToSlaveFileCallable;

/**
 * What the controller must know from the spec before the engine call: for each environment of the step,
 * the credentials ids it names and whether the spec protects it. Read on the agent (the spec is in the
 * workspace) by {@link Reader}.
 */
public final class SpecFacts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** The spec keys that hold credentials ids. */
    static final List<String> CREDENTIAL_KEYS = List.of("credentials", "sqlCredentials");

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
                DataProductSpec product = SpecLoader.load(workspace.toPath().resolve(spec));
                for (String name : environments) {
                    EnvironmentSpec environment = product.environments().containsKey(name)
                            ? product.environment(name)
                            : product.ephemeral()
                                    .map(template -> template.withName(name))
                                    .orElseGet(() -> product.environment(name));
                    ArrayList<String> ids = new ArrayList<>();
                    CREDENTIAL_KEYS.forEach(
                            key -> environment.optionalString(key).ifPresent(ids::add));
                    facts.credentialIds.put(name, ids);
                    if (environment.isProtected()) {
                        facts.protectedEnvironments.add(name);
                    }
                }
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
