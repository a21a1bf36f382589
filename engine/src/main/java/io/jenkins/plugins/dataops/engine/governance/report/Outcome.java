package io.jenkins.plugins.dataops.engine.governance.report;

import java.util.Locale;
import java.util.Set;

/** How the report colours an outcome: {@code failed}, {@code refused} and {@code error} are failures. */
public enum Outcome {
    /** Worked: {@code success}, {@code passed} and anything not listed below. */
    OK,
    /** Worked with a caveat: {@code warn}, {@code warning}, {@code unstable}, {@code skipped}. */
    WARNING,
    /** Did not work: {@code failed}, {@code refused}, {@code error}. */
    FAILURE;

    private static final Set<String> FAILURES = Set.of("failed", "failure", "refused", "error");
    private static final Set<String> WARNINGS = Set.of("warn", "warning", "unstable", "skipped");

    /**
     * Classifies an outcome text, ignoring case.
     *
     * @param outcome e.g. {@code success}, {@code failed}
     * @return its kind
     */
    public static Outcome of(final String outcome) {
        if ("success".equals(outcome) || "passed".equals(outcome)) {
            return OK; // the common case, without allocating
        }
        String key = outcome.trim().toLowerCase(Locale.ROOT);
        if (FAILURES.contains(key)) {
            return FAILURE;
        }
        return WARNINGS.contains(key) ? WARNING : OK;
    }

    /**
     * Returns the CSS class of this kind.
     *
     * @return {@code dor-ok}, {@code dor-warn} or {@code dor-fail}
     */
    public String cssClass() {
        return switch (this) {
            case OK -> "dor-ok";
            case WARNING -> "dor-warn";
            case FAILURE -> "dor-fail";
        };
    }
}
