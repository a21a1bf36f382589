package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrator's environment rules applied to what a spec asks for. The first rule that matches an
 * environment applies. A spec can make an environment stricter (protect it), never looser: protection is the
 * spec's or the rule's, and credentials ids are denied unless the environment's rule allows them, so a spec
 * (or an agent that reports one) cannot pick which secrets it is given.
 */
public final class EnvironmentPolicy implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<EnvironmentRule> rules;

    /**
     * Creates the policy.
     *
     * @param rules the administrator's rules, first match wins
     */
    public EnvironmentPolicy(final List<EnvironmentRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Returns the rule that applies to an environment.
     *
     * @param environment the environment name
     * @return the first matching rule, if any
     */
    public Optional<EnvironmentRule> ruleFor(final String environment) {
        return rules.stream().filter(rule -> rule.matches(environment)).findFirst();
    }

    /**
     * Tells whether an environment is protected.
     *
     * @param environment   the environment name
     * @param specProtected whether the spec protects it
     * @return true when the spec or the administrator protects it
     */
    public boolean isProtected(final String environment, final boolean specProtected) {
        return specProtected
                || ruleFor(environment)
                        .map(EnvironmentRule::protectedEnvironment)
                        .orElse(false);
    }

    /**
     * Returns the groups that may approve promotions into an environment.
     *
     * @param environment the environment name
     * @return the groups; empty means any user other than the requester
     */
    public List<String> approverGroups(final String environment) {
        return ruleFor(environment).map(EnvironmentRule::approverGroups).orElse(List.of());
    }

    /**
     * Returns the credentials ids the spec names, once each, after checking every one is allowed.
     *
     * @param facts what the spec says
     * @return the ids to resolve
     * @throws InvalidInputException naming the first id and environment that no rule allows, and the fix
     */
    public Set<String> allowedIds(final SpecFacts facts) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> entry : facts.credentialIds().entrySet()) {
            for (String id : entry.getValue()) {
                check(entry.getKey(), id);
                ids.add(id);
            }
        }
        return ids;
    }

    private void check(final String environment, final String id) {
        Optional<EnvironmentRule> rule = ruleFor(environment);
        if (rule.isEmpty()) {
            throw new InvalidInputException(("Credentials id '%s' is not allowed in environment '%s': no "
                            + "environment rule matches it; ask an administrator to add a DataOps environment rule "
                            + "for '%s' that lists '%s'.")
                    .formatted(id, environment, environment, id));
        }
        if (!rule.get().allows(id)) {
            throw new InvalidInputException(("Credentials id '%s' is not allowed in environment '%s': the "
                            + "environment rule '%s' allows only %s; use one of those or ask an administrator to "
                            + "add it.")
                    .formatted(id, environment, rule.get().pattern(), rule.get().allowedCredentialIds()));
        }
    }
}
