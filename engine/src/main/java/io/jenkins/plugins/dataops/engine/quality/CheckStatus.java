package io.jenkins.plugins.dataops.engine.quality;

import java.util.Locale;

/** The outcome of one check, from best to worst. */
public enum CheckStatus {
    /** The check held (failing rows within the threshold). */
    PASS,
    /** A {@code warn} check was breached. */
    WARN,
    /** An {@code error} check was breached. */
    FAIL,
    /** The check could not be evaluated (e.g. the database rejected its query). */
    ERROR;

    /**
     * Returns the name used in reports.
     *
     * @return e.g. {@code pass}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the worse of two statuses.
     *
     * @param other another status
     * @return the one later in the order PASS, WARN, FAIL, ERROR
     */
    public CheckStatus worst(final CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
