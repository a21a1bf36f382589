package io.jenkins.plugins.dataops.steps;

import hudson.AbortException;
import java.io.Serial;

/**
 * The engine's error as one console line (no stack trace), and whether the engine got as far as recording
 * the attempt: a step that cleans up after a failed call (the block form of {@code provisionEnvironment})
 * only destroys what the engine had started to create, never an environment of the same name that a refused
 * call did not touch.
 */
public final class EngineFailureException extends AbortException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean recorded;

    /**
     * Creates the exception.
     *
     * @param message  the one-line message, secrets masked
     * @param recorded true when the engine recorded the attempt (so it started the operation)
     */
    public EngineFailureException(final String message, final boolean recorded) {
        super(message);
        this.recorded = recorded;
    }

    /**
     * Tells whether the engine started the operation (it wrote a governance record of the attempt).
     *
     * @return true when a record of the failed attempt exists
     */
    public boolean isRecorded() {
        return recorded;
    }
}
