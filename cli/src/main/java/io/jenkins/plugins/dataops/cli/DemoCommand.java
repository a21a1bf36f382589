package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.MessageOnlyExceptionHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        for (DemoStep step : steps(folder)) {
            if (!step.why().isEmpty()) {
                out.println();
                out.println("# " + step.why());
            }
            out.println("$ dataops " + String.join(" ", step.args()));
            List<String> args = new ArrayList<>(List.of("--spec", spec));
            args.addAll(step.argsList());
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

    private static List<DemoStep> steps(final Path folder) {
        return List.of(
                step(
                        "Infrastructure as code: create the embedded databases of dev, qat and prod.",
                        0,
                        "provision",
                        "--env",
                        "dev"),
                step("", 0, "provision", "--env", "qat"),
                step("", 0, "provision", "--env", "prod"),
                step("Provisioning is idempotent: the plan now shows nothing to change.", 0, "plan", "--env", "dev"),
                step(
                        "What would a migration apply? Pending changesets with their readiness findings.",
                        0,
                        "status",
                        "--env",
                        "dev"),
                step(
                        "Release 1.0.0: migrate dev, test its data, promote it with that evidence.",
                        0,
                        "migrate",
                        "--env",
                        "dev",
                        "--tag",
                        "1.0.0"),
                step("", 0, "test", "--env", "dev"),
                step("", 0, "promote", "--release", "1.0.0", "--from", "dev", "--to", "qat"),
                step(
                        "prod is protected: without an approval by someone else the gate refuses.",
                        1,
                        "promote",
                        "--release",
                        "1.0.0",
                        "--from",
                        "qat",
                        "--to",
                        "prod"),
                step(
                        "",
                        0,
                        "promote",
                        "--release",
                        "1.0.0",
                        "--from",
                        "qat",
                        "--to",
                        "prod",
                        "--approved-by",
                        "release-manager"),
                step("Release 1.1.0 takes the same road.", 0, "migrate", "--env", "dev", "--tag", "1.1.0"),
                step(
                        "",
                        0,
                        "test",
                        "--env",
                        "dev",
                        "--junit",
                        folder.resolve("dev-tests.xml").toString()),
                step("", 0, "promote", "--release", "1.1.0", "--from", "dev", "--to", "qat"),
                step(
                        "",
                        0,
                        "promote",
                        "--release",
                        "1.1.0",
                        "--from",
                        "qat",
                        "--to",
                        "prod",
                        "--approved-by",
                        "release-manager"),
                step(
                        "Release 1.2.0 holds a back-fill without rollback: the readiness check refuses it...",
                        1,
                        "migrate",
                        "--env",
                        "dev",
                        "--tag",
                        "1.2.0"),
                step(
                        "...until it is explicitly allowed (recorded in the ledger).",
                        0,
                        "migrate",
                        "--env",
                        "dev",
                        "--tag",
                        "1.2.0",
                        "--allow-no-rollback"),
                step(
                        "Its late import breaks four data promises: the tests fail, with samples as evidence...",
                        1,
                        "test",
                        "--env",
                        "dev"),
                step(
                        "...so the release is blocked at the first gate.",
                        1,
                        "promote",
                        "--release",
                        "1.2.0",
                        "--from",
                        "dev",
                        "--to",
                        "qat"),
                step(
                        "An incident in prod? Roll it back to the release it ran before, verified by the data tests.",
                        0,
                        "rollback",
                        "--env",
                        "prod"),
                step("prod remembers every step inside its own database.", 0, "history", "--env", "prod"),
                step(
                        "A throw-away environment for a pull request: created, used, destroyed.",
                        0,
                        "provision",
                        "--env",
                        "pr-42",
                        "--ephemeral",
                        "--ttl",
                        "2h"),
                step("", 0, "migrate", "--env", "pr-42", "--tag", "1.1.0"),
                step("", 0, "test", "--env", "pr-42"),
                step("", 0, "destroy", "--env", "pr-42"),
                step("gc destroys ephemeral environments whose time is up (none left here).", 0, "gc"),
                step("Every step above is in the hash-chained governance ledger.", 0, "verify-ledger"),
                step("The governance report: timeline, records, evidence, integrity.", 0, "report"));
    }

    private static DemoStep step(final String why, final int expectedExit, final String... args) {
        return new DemoStep(why, expectedExit, args);
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

    /** One command of the demo with why it runs and the exit code it must have. */
    private record DemoStep(String why, int expectedExit, String... args) {
        List<String> argsList() {
            return List.of(args);
        }
    }
}
