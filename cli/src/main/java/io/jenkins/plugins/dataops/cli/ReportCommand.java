package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.WriteReportRequest;
import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import io.jenkins.plugins.dataops.engine.governance.report.ReportFormat;
import io.jenkins.plugins.dataops.engine.kernel.StatePaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops report}: the governance report of the ledger. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write the governance report: a self-contained HTML page (timeline per environment, "
                + "filterable records with their evidence, ledger integrity), or CSV or JSON of the records.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write (default: HTML to "
                    + ".dataops/governance-report.html beside the spec, CSV and JSON to standard output).")
    private Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "html",
            description = "html, csv or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--env", paramLabel = "ENV", split = ",", description = "Only these environments.")
    private List<String> environments;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only records from this day (2026-05-01, UTC) " + "or instant (ISO-8601) on.")
    private String since;

    @Override
    public Integer call() throws IOException {
        // A bad format or date throws IllegalArgumentException naming the value: the handler exits with 2.
        ReportFormat reportFormat = ReportFormat.parse(format);
        RecordFilter filter = RecordFilter.all();
        if (environments != null && !environments.isEmpty()) {
            filter = filter.withEnvironments(environments);
        }
        if (since != null) {
            filter = filter.since(RecordFilter.parseTime(since));
        }
        boolean toStdout = out == null && reportFormat != ReportFormat.HTML;
        DataOps dataOps = parent.open(toStdout);
        if (toStdout) {
            dataOps.writeReport(
                    WriteReportRequest.of(reportFormat, parent.out()).withFilter(filter));
            parent.out().flush();
            return 0;
        }
        if (out != null) {
            // the ledger, its head and the spec are what the report is about: never overwrite them with it
            StatePaths.refuseOutputInState(
                    "--out", out, dataOps.spec().stateDir(), dataOps.spec().file());
        }
        Path file = out != null ? out : dataOps.spec().stateDir().resolve("governance-report.html");
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            dataOps.writeReport(WriteReportRequest.of(reportFormat, writer).withFilter(filter));
        }
        parent.out().println("Governance report written to " + file.toAbsolutePath());
        return 0;
    }
}
