package io.jenkins.plugins.dataops.engine.quality;

/** Which results break a build. */
public enum FailOn {
    /** Only breached {@code error} checks and checks that could not run. */
    ERROR,
    /** Breached {@code warn} checks too. */
    WARN;

    /**
     * Tells whether a status breaks the build under this policy.
     *
     * @param status a check status
     * @return true for FAIL and ERROR, and for WARN when the policy is {@link #WARN}
     */
    public boolean isBreach(final CheckStatus status) {
        return status == CheckStatus.FAIL || status == CheckStatus.ERROR || this == WARN && status == CheckStatus.WARN;
    }
}
