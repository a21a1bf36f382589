package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a front end must know from the spec before an engine call: for each environment of the step, the
 * credentials ids it names and whether the spec protects it. An environment the spec does not declare is an
 * instance of the spec's ephemeral template when it has one.
 *
 * @param credentialIds         environment name to the credentials ids the spec names there, in key order
 * @param protectedEnvironments the environments the spec marks {@code protected: true}
 */
public record SpecFacts(Map<String, List<String>> credentialIds, Set<String> protectedEnvironments)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The spec keys that hold credentials ids. */
    public static final List<String> CREDENTIAL_KEYS = List.of("credentials", "sqlCredentials");

    /** Copies the parts so the facts cannot change afterwards. */
    public SpecFacts {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        credentialIds.forEach((env, ids) -> copy.put(env, List.copyOf(ids)));
        credentialIds = java.util.Collections.unmodifiableMap(copy);
        protectedEnvironments = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(protectedEnvironments));
    }

    /**
     * Reads the facts of some environments from a validated spec.
     *
     * @param spec         the spec
     * @param environments the environments the step works on
     * @return the facts
     * @throws io.jenkins.plugins.dataops.engine.kernel.InvalidInputException when an environment is unknown
     */
    public static SpecFacts of(final DataProductSpec spec, final List<String> environments) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Set<String> protectedOnes = new LinkedHashSet<>();
        for (String name : environments) {
            EnvironmentSpec environment = resolve(spec, name);
            List<String> named = new ArrayList<>();
            CREDENTIAL_KEYS.forEach(key -> environment.optionalString(key).ifPresent(named::add));
            ids.put(name, named);
            if (environment.isProtected()) {
                protectedOnes.add(name);
            }
        }
        return new SpecFacts(ids, protectedOnes);
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

    private static EnvironmentSpec resolve(final DataProductSpec spec, final String name) {
        if (spec.environments().containsKey(name)) {
            return spec.environment(name);
        }
        return spec.ephemeral().map(template -> template.withName(name)).orElseGet(() -> spec.environment(name));
    }
}
