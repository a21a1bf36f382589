package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code failOn} choice of a data-test step and the verdict it gives for a run's counts: a step fails on
 * errors (the default), on warnings too, or never; whatever does not fail but found something is unstable.
 */
public enum FailOnPolicy {
    /** Fails on errors; warnings make the run unstable. The default. */
    ERROR("error"),
    /** Fails on errors and on warnings. */
    WARNING("warning"),
    /** Never fails; errors and warnings make the run unstable. */
    NEVER("never");

    /** What a run of data tests comes to. */
    public enum Verdict {
        /** Nothing was found. */
        PASSED,
        /** Something was found that does not fail the step. */
        UNSTABLE,
        /** The step fails. */
        FAILED
    }

    private final String keyword;

    FailOnPolicy(final String keyword) {
        this.keyword = keyword;
    }

    /**
     * Returns the word a script uses.
     *
     * @return e.g. {@code warning}
     */
    public String keyword() {
        return keyword;
    }

    /**
     * Returns the words a script may use, the default first.
     *
     * @return {@code error, warning, never}
     */
    public static List<String> keywords() {
        return Arrays.stream(values()).map(FailOnPolicy::keyword).toList();
    }

    /**
     * Parses the word a script used.
     *
     * @param value the word; null or blank gives the default
     * @return the policy
     * @throws InvalidInputException naming the value and the accepted words
     */
    public static FailOnPolicy parse(final String value) {
        if (value == null || value.isBlank()) {
            return ERROR;
        }
        String word = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(policy -> policy.keyword.equals(word))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "failOn '%s' is unknown; use one of %s.".formatted(value, keywords())));
    }

    /**
     * Returns the engine's breach rule for this choice (what the data-test record calls breached).
     *
     * @return {@link FailOn#WARN} for {@link #WARNING}, else {@link FailOn#ERROR}
     */
    public FailOn engineFailOn() {
        return this == WARNING ? FailOn.WARN : FailOn.ERROR;
    }

    /**
     * Gives the verdict for a run's counts.
     *
     * @param errors   the number of errors
     * @param warnings the number of warnings
     * @return failed, unstable or passed
     */
    public Verdict verdict(final long errors, final long warnings) {
        if (errors > 0 && this != NEVER || warnings > 0 && this == WARNING) {
            return Verdict.FAILED;
        }
        return errors > 0 || warnings > 0 ? Verdict.UNSTABLE : Verdict.PASSED;
    }
}
