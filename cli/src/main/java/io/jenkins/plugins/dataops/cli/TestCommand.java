package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.TestRequest;
import io.jenkins.plugins.dataops.engine.TestResult;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import io.jenkins.plugins.dataops.engine.quality.JunitXmlWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops test}: run the data-test suites against an environment. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Run the data-test suites against an environment, pushed down to its database (one scan per "
                + "table for column checks). Exit 1 when a check breaches --fail-on.")
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--suite", paramLabel = "NAME", description = "Only this suite (file name without .yaml).")
    private String suite;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML for CI (Jenkins' junit).")
    private Path junit;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "error",
            description = "error (default): only error-severity failures fail the run; warn: warnings too.")
    private String failOn;

    @Option(
            names = "--sample-size",
            paramLabel = "ROWS",
            defaultValue = "" + DataTestOptions.DEFAULT_SAMPLE_SIZE,
            description = "Failing rows kept as evidence per failing check (default: ${DEFAULT-VALUE}; 0 keeps none).")
    private int sampleSize;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "Queries run at once, each on its own connection (1 to " + DataTestOptions.MAX_THREADS
                    + "; default: 1 on H2, 4 on a database server).")
    private int threads;

    @Option(
            names = "--full",
            description = "Check every row of incremental suites this time, whatever their watermark"
                    + " (a passing run sets it anew).")
    private boolean full;

    @Override
    public Integer call() throws IOException {
        FailOn level =
                switch (failOn) {
                    case "error" -> FailOn.ERROR;
                    case "warn" -> FailOn.WARN;
                    default ->
                        throw new IllegalArgumentException(
                                "--fail-on must be 'error' or 'warn', not '" + failOn + "'.");
                };
        TestResult outcome = parent.open(json)
                .test(TestRequest.of(environment)
                        .withSuite(suite)
                        .withFailOn(level)
                        .withSampleSize(sampleSize)
                        .withThreads(threads)
                        .withFull(full));
        if (junit != null) {
            JunitXmlWriter.write(outcome.report(), junit);
        }
        PrintWriter out = parent.out();
        if (json) {
            JsonOutput.print(out, outcome.toMap());
        } else {
            print(outcome, out);
        }
        return outcome.breached() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private void print(final TestResult outcome, final PrintWriter out) {
        for (CheckResult result : outcome.report().results()) {
            if (result.status() == CheckStatus.PASS) {
                continue;
            }
            out.printf(
                    "  %-5s %s.%s (%s): observed %s, threshold %s%s%n",
                    result.status().key().toUpperCase(),
                    result.suite(),
                    result.name(),
                    result.type().key(),
                    result.observed(),
                    result.threshold(),
                    result.message().isEmpty() ? "" : " - " + result.message());
            result.sample().forEach(row -> out.println("        sample: " + row));
        }
        out.printf(
                "Release '%s' in '%s': %s%s%n",
                outcome.release().isEmpty() ? "-" : outcome.release(),
                environment,
                outcome.breached() ? "BREACHED" : "ok",
                junit == null ? "" : "; JUnit XML: " + junit);
    }
}
