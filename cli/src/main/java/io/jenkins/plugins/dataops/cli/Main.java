package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.MessageOnlyExceptionHandler;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/** The entry point of {@code dataops.jar}. */
public final class Main {
    private Main() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, System.getenv(), Clock.systemUTC(), args));
    }

    /**
     * Runs the command line in-process (tests call this).
     *
     * @param out         standard output
     * @param err         standard error
     * @param environment the process environment
     * @param clock       the clock for records
     * @param args        the arguments
     * @return the exit code
     */
    public static int run(
            final PrintWriter out,
            final PrintWriter err,
            final Map<String, String> environment,
            final Clock clock,
            final String... args) {
        CommandLine commandLine = new CommandLine(new DataOpsCommand(environment, clock));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(
                new MessageOnlyExceptionHandler(Arrays.asList(args).contains("--verbose")));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
