package io.jenkins.plugins.dataops.cli.internal;

import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.io.PrintWriter;

/** Writes the engine's progress to the terminal: info to standard output, warnings and errors to standard error. */
public final class ConsoleProgress implements ProgressListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    /**
     * Creates the listener.
     *
     * @param out   standard output
     * @param err   standard error
     * @param quiet drop info lines (for --json output, which must stay parseable)
     */
    public ConsoleProgress(final PrintWriter out, final PrintWriter err, final boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void info(final String message) {
        if (!quiet) {
            out.println(message);
            out.flush();
        }
    }

    @Override
    public void warn(final String message) {
        err.println("WARNING: " + message);
        err.flush();
    }

    @Override
    public void error(final String message) {
        err.println("ERROR: " + message);
        err.flush();
    }
}
