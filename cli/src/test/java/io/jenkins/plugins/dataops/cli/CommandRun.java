package io.jenkins.plugins.dataops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one run of {@code dataops} printed and returned, run in-process on a spec the way a shell would run it.
 *
 * @param code its exit code
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
record CommandRun(int code, String out, String err) {
    /**
     * Runs the command line on a spec.
     *
     * @param spec        the spec, passed as {@code --spec}
     * @param environment the process environment
     * @param args        the command and its options
     * @return what the run printed and returned
     */
    static CommandRun of(final Path spec, final Map<String, String> environment, final String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--spec", spec.toString()));
        all.addAll(Arrays.asList(args));
        int code = Main.run(
                new PrintWriter(out), new PrintWriter(err), environment, Clock.systemUTC(), all.toArray(String[]::new));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
