package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an administrator decides for one environment name or glob pattern (such as {@code pr-*}): the
 * credentials ids a spec may use there ({@value #ANY_ID} allows any), whether the environment is protected and
 * which groups may approve promotions into it.
 *
 * @param pattern             an environment name, or a pattern where {@code *} stands for any characters
 * @param allowedCredentialIds the ids a spec may name in the environment; empty allows none
 * @param protectedEnvironment true when promotions need an approval by someone other than the requester
 * @param approverGroups      the groups whose members may approve; empty means any other user
 */
public record EnvironmentRule(
        String pattern, List<String> allowedCredentialIds, boolean protectedEnvironment, List<String> approverGroups)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The entry that allows any credentials id. */
    public static final String ANY_ID = "*";

    /** The engine's environment name rule with {@code *} allowed anywhere (see the spec loader's name rule). */
    private static final Pattern VALID_PATTERN = Pattern.compile("[a-z*][a-z0-9*-]{0,39}");

    /** Validates and copies the parts. */
    public EnvironmentRule {
        Objects.requireNonNull(pattern, "pattern");
        pattern = pattern.trim();
        Optional<String> problem = problemWith(pattern);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        allowedCredentialIds = List.copyOf(allowedCredentialIds);
        approverGroups = List.copyOf(approverGroups);
    }

    /**
     * Splits a list an administrator typed (comma or blank separated).
     *
     * @param text the text, may be null
     * @return the entries, without blanks
     */
    public static List<String> split(final String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Says what is wrong with an environment name or pattern.
     *
     * @param pattern the name or pattern an administrator typed
     * @return the problem as one sentence, empty when the pattern is valid
     */
    public static Optional<String> problemWith(final String pattern) {
        String value = pattern == null ? "" : pattern.trim();
        if (value.isEmpty()) {
            return Optional.of("Enter an environment name such as 'prod', or a pattern such as 'pr-*'.");
        }
        if (!VALID_PATTERN.matcher(value).matches()) {
            return Optional.of(("Environment name '%s' is not valid: use at most 40 lower-case letters, digits, "
                            + "'-' and '*', starting with a letter or '*'.")
                    .formatted(value));
        }
        return Optional.empty();
    }

    /**
     * Tells whether this rule applies to an environment.
     *
     * @param environment the environment name
     * @return true when the name equals the pattern, {@code *} standing for any characters
     */
    public boolean matches(final String environment) {
        String regex = Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b)
                .orElse("");
        return environment != null && environment.matches(regex);
    }

    /**
     * Tells whether a spec may use a credentials id in the environments of this rule.
     *
     * @param id the credentials id
     * @return true when the rule lists it or allows any id
     */
    public boolean allows(final String id) {
        return allowedCredentialIds.contains(ANY_ID) || allowedCredentialIds.contains(id);
    }
}
