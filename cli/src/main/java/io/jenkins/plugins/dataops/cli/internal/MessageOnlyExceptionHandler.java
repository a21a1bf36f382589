package io.jenkins.plugins.dataops.cli.internal;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints an engine failure as its one readable message (the stack trace only with {@code --verbose}) and
 * maps it to an exit code: bad input 2, everything else 1.
 */
public final class MessageOnlyExceptionHandler implements IExecutionExceptionHandler {
    private final boolean verbose;

    /**
     * Creates the handler.
     *
     * @param verbose print stack traces too
     */
    public MessageOnlyExceptionHandler(final boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(
            final Exception ex, final CommandLine commandLine, final ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
        err.println(commandLine.getColorScheme().errorText("ERROR: " + message));
        if (verbose) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.println(trace);
        }
        err.flush();
        return ex instanceof InvalidInputException || ex instanceof IllegalArgumentException
                ? ExitCodes.BAD_INPUT
                : ExitCodes.FAILED;
    }
}
