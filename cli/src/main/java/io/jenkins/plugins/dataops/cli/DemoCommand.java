package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.MessageOnlyExceptionHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dataops demo}: copies the customer example into a folder and runs its lifecycle on the embedded
 * default, printing every command as a user would type it, so the output doubles as a tutorial.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Copy the customer example into a folder and run its lifecycle on the embedded database.")
final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".dataops-demo";

    @ParentCommand
    private DataOpsCommand parent;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "dataops-demo",
            description = "Where to put the example (default: ${DEFAULT-VALUE}); a previous demo there is replaced.")
    private Path dir;

    @Override
    public Integer call() throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        prepare(folder);
        ExampleCopier.copy("customer", folder);
        Files.writeString(folder.resolve(MARKER), "created by 'dataops demo'\n");
        PrintWriter out = parent.out();
        out.println("DataOps demo: the 'customer' data product in " + folder);
        String spec = folder.resolve("dataops.yaml").toString();
        for (DemoScript.Step step : DemoScript.steps(folder)) {
            if (!step.why().isEmpty()) {
                out.println();
                out.println("# " + step.why());
            }
            if (step.isByHand()) {
                out.println("$ (by hand in " + step.byHandIn() + ", outside DataOps) "
                        + step.args().get(0));
                byHand(Path.of(spec), step.byHandIn(), step.args().get(0));
                continue;
            }
            out.println("$ dataops " + String.join(" ", step.args()));
            List<String> args = new ArrayList<>(List.of("--spec", spec));
            args.addAll(step.args());
            int code = run(args);
            if (code != step.expectedExit()) {
                parent.err()
                        .printf(
                                "Demo step 'dataops %s' exited %d, expected %d.%n",
                                String.join(" ", step.args()), code, step.expectedExit());
                return ExitCodes.FAILED;
            }
            if (code != 0) {
                out.println("(exit " + code + ", as expected)");
            }
        }
        out.println();
        out.println("Demo finished.");
        out.println("  Ledger: " + folder.resolve(".dataops").resolve("ledger.jsonl"));
        out.println("  Governance report: " + folder.resolve(".dataops").resolve("governance-report.html"));
        return ExitCodes.OK;
    }

    /** Changes an environment's database directly, as someone with a SQL console would: the drift to find. */
    private void byHand(final Path spec, final String environment, final String sql) {
        try (Connection connection = parent.open(spec, true).target(environment).open();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The demo's change by hand failed: " + e.getMessage(), e);
        }
    }

    private int run(final List<String> args) {
        CommandLine commandLine = new CommandLine(new DataOpsCommand(parent.environment(), parent.clock()));
        commandLine.setOut(parent.out());
        commandLine.setErr(parent.err());
        commandLine.setExecutionExceptionHandler(new MessageOnlyExceptionHandler(parent.isVerbose()));
        return commandLine.execute(args.toArray(String[]::new));
    }

    private static void prepare(final Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        if (!Files.exists(folder.resolve(MARKER))) {
            throw new IllegalArgumentException(
                    ("Folder '%s' exists and was not made by 'dataops demo'; choose " + "another with --dir.")
                            .formatted(folder));
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
