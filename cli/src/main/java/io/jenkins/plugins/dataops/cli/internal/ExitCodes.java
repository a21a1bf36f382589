package io.jenkins.plugins.dataops.cli.internal;

/** The exit codes of {@code dataops}, as documented in docs/cli.md. */
public final class ExitCodes {
    /** The operation succeeded. */
    public static final int OK = 0;
    /** The operation failed or was refused (a gate, a readiness check, a breached data test). */
    public static final int FAILED = 1;
    /** Bad usage or bad input (unknown option, invalid spec, unknown environment). */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
