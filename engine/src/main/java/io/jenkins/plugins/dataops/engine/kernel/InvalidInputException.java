package io.jenkins.plugins.dataops.engine.kernel;

/**
 * Bad input from the user: a malformed or inconsistent spec or check suite, an unknown environment, a bad
 * argument. Nothing was changed anywhere when this is thrown. The CLI exits with 2 for it.
 */
public class InvalidInputException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message names the file, line, key or value that is wrong and what to do
     */
    public InvalidInputException(final String message) {
        super(message);
    }

    /**
     * Creates an exception with its cause.
     *
     * @param message names the file, line, key or value that is wrong and what to do
     * @param cause   the underlying failure
     */
    public InvalidInputException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
