package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.MetricsRequest;
import io.jenkins.plugins.dataops.engine.MetricsResult;
import io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetrics;
import io.jenkins.plugins.dataops.engine.governance.metrics.Durations;
import io.jenkins.plugins.dataops.engine.governance.metrics.EnvironmentMetrics;
import io.jenkins.plugins.dataops.engine.governance.metrics.ProductMetrics;
import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops metrics}: the delivery metrics of the data product, from the ledger. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Show the delivery metrics of the data product per environment, from the governance ledger: "
                + "deployment frequency, lead time along the promotion path, change failure rate, time to restore "
                + "and the data-test pass rate. Changes nothing. Exit 0; 1 when the ledger's chain is broken (the "
                + "records from the first broken one on are not counted); 2 on bad input.")
final class MetricsCommand implements Callable<Integer> {
    private static final String ROW = "  %-12s %7s %8s %7s %5s %9s %5s %10s %7s %5s%n";

    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", paramLabel = "ENV", split = ",", description = "Only these environments.")
    private List<String> environments;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only what happened from this day (2026-05-01, UTC) or instant (ISO-8601) on.")
    private String since;

    @Option(names = "--json", description = "Print the metrics as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        // A bad date throws IllegalArgumentException naming the value: the handler exits with 2.
        MetricsRequest request = MetricsRequest.all();
        if (environments != null) {
            request = request.withEnvironments(environments);
        }
        if (since != null) {
            request = request.since(RecordFilter.parseTime(since));
        }
        MetricsResult result = parent.open(json).metrics(request);
        if (json) {
            JsonOutput.print(parent.out(), result.toMap());
        } else {
            print(parent.out(), result.metrics());
        }
        if (!result.verification().intact()) {
            parent.err()
                    .println(result.verification().describe() + " "
                            + result.metrics().excludedUntrusted() + " records from there on were not counted.");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static void print(final PrintWriter out, final DeliveryMetrics metrics) {
        if (metrics.products().isEmpty()) {
            out.println("No deliveries recorded yet: the ledger holds no outcome of a data product.");
        }
        for (ProductMetrics product : metrics.products()) {
            out.printf(
                    "Delivery metrics of '%s' (promotion path %s), %s to %s (%s days):%n",
                    product.product(),
                    product.promotionPath().isEmpty() ? "unknown" : String.join(" -> ", product.promotionPath()),
                    Instant.ofEpochMilli(metrics.windowStartMillis()),
                    Instant.ofEpochMilli(metrics.windowEndMillis()),
                    String.format(Locale.ROOT, "%.1f", metrics.windowDays()));
            out.printf(
                    ROW,
                    "ENVIRONMENT",
                    "DEPLOYS",
                    "PER DAY",
                    "FAILED",
                    "CFR",
                    "RESTORE",
                    "OPEN",
                    "LEAD TIME",
                    "TESTS",
                    "PASS");
            product.environments().forEach(e -> printRow(out, e));
            out.printf(
                    "  Lead time to the last environment (median): %s over %d releases.%n",
                    Durations.readable(product.medianLeadTimeMillis()),
                    product.leadTimes().size());
        }
        out.printf(
                "%d outcome records counted, %d intents skipped, %d untrusted records excluded.%n",
                metrics.outcomeRecords(), metrics.intents(), metrics.excludedUntrusted());
    }

    private static void printRow(final PrintWriter out, final EnvironmentMetrics e) {
        out.printf(
                ROW,
                e.environment(),
                e.deployments(),
                String.format(Locale.ROOT, "%.2f", e.deploymentsPerDay()),
                e.failures().size(),
                Durations.percent(e.changeFailureRate()),
                Durations.readable(e.medianRestoreMillis()),
                e.openFailures(),
                Durations.readable(e.medianLeadTimeMillis()),
                e.testsPassed() + "/" + e.testRuns(),
                Durations.percent(e.testRuns() == 0 ? null : (double) e.testsPassed() / e.testRuns()));
    }
}
