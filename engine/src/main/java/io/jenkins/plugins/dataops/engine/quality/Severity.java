package io.jenkins.plugins.dataops.engine.quality;

import java.util.Locale;

/** How bad a breached check is: an {@code error} fails the data tests, a {@code warn} only reports. */
public enum Severity {
    /** A breach fails the tests (status {@link CheckStatus#FAIL}). */
    ERROR,
    /** A breach is reported as a warning (status {@link CheckStatus#WARN}). */
    WARN;

    /**
     * Returns the name used in suite files and reports.
     *
     * @return {@code error} or {@code warn}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
