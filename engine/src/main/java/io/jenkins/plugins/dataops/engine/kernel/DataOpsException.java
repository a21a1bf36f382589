package io.jenkins.plugins.dataops.engine.kernel;

/**
 * The base of every failure the engine reports to its callers. The message is one readable sentence with
 * its context (file, environment, key, value) and never contains a secret; front ends show it as is.
 */
public class DataOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, with context and what to do next
     */
    public DataOpsException(final String message) {
        super(message);
    }

    /**
     * Creates an exception with its cause.
     *
     * @param message what went wrong, with context and what to do next
     * @param cause   the underlying failure
     */
    public DataOpsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
