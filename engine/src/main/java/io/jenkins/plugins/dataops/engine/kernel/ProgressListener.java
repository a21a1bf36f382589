package io.jenkins.plugins.dataops.engine.kernel;

/**
 * Where the engine reports progress while it works. The engine never prints: the CLI writes these lines
 * to its output, the Jenkins plugin to the build console.
 */
public interface ProgressListener {
    /** A listener that drops everything, for callers that do not want progress. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void info(final String message) {
            // dropped on purpose: the caller asked for no progress
        }

        @Override
        public void warn(final String message) {
            // dropped on purpose: the caller asked for no progress
        }

        @Override
        public void error(final String message) {
            // dropped on purpose: the caller asked for no progress
        }
    };

    /**
     * Reports normal progress.
     *
     * @param message one line, no secrets
     */
    void info(String message);

    /**
     * Reports something the user should look at that does not stop the operation.
     *
     * @param message one line, no secrets
     */
    void warn(String message);

    /**
     * Reports a failure.
     *
     * @param message one line, no secrets
     */
    void error(String message);
}
