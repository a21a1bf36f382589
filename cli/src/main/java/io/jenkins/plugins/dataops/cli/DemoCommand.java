package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.MessageOnlyExceptionHandler;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code dataops demo}: copies the customer example into a folder and runs its lifecycle on the embedded
 * default, printing every command as a user would type it, so the output doubles as a tutorial.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Copy the customer example into a folder and run its lifecycle on the embedded database.")
final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".dataops-demo";

    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "dataops-demo",
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
        for (DemoStep step : steps()) {
            if (!step.why().isEmpty()) {
                out.println();
                out.println("# " + step.why());
            }
            out.println("$ dataops " + String.join(" ", step.args()));
            List<String> args = new ArrayList<>(List.of("--spec", spec));
            args.addAll(step.argsList());
            int code = run(args);
            if (code != step.expectedExit()) {
                parent.err().printf("Demo step 'dataops %s' exited %d, expected %d.%n", String.join(" ", step.args()),
                        code, step.expectedExit());
                return ExitCodes.FAILED;
            }
            if (code != 0) {
                out.println("(exit " + code + ", as expected)");
            }
        }
        out.println();
        out.println("Demo finished. Ledger: " + folder.resolve(".dataops").resolve("ledger.jsonl"));
        return ExitCodes.OK;
    }

    private static List<DemoStep> steps() {
        return List.of(
                new DemoStep("Infrastructure as code: create the embedded databases of dev, qat and prod.", 0,
                        "provision", "--env", "dev"),
                new DemoStep("", 0, "provision", "--env", "qat"),
                new DemoStep("", 0, "provision", "--env", "prod"),
                new DemoStep("Provisioning is idempotent: the plan now shows nothing to change.", 0,
                        "plan", "--env", "dev"),
                new DemoStep("What would a migration apply? Pending changesets with their readiness findings.", 0,
                        "status", "--env", "dev"),
                new DemoStep("Apply release 1.0.0, then 1.1.0, to dev.", 0, "migrate", "--env", "dev", "--tag", "1.0.0"),
                new DemoStep("", 0, "migrate", "--env", "dev", "--tag", "1.1.0"),
                new DemoStep("Release 1.2.0 holds a back-fill without rollback: the readiness check refuses it.", 1,
                        "migrate", "--env", "dev", "--tag", "1.2.0"),
                new DemoStep("The environment remembers its releases inside its own database.", 0,
                        "history", "--env", "dev"),
                new DemoStep("Every step above is in the hash-chained governance ledger.", 0, "verify-ledger"));
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
            throw new IllegalArgumentException(("Folder '%s' exists and was not made by 'dataops demo'; choose "
                    + "another with --dir.").formatted(folder));
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
