package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ConsoleProgress;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.credentials.EnvironmentVariableCredentials;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code dataops} command: global options and the subcommands. */
@Command(
        name = "dataops",
        mixinStandardHelpOptions = true,
        version = "dataops 0.1.0",
        description = "Deliver a data product through its environments: provision, migrate, test, promote, "
                + "roll back, and keep a governance ledger.",
        subcommands = {
            PlanCommand.class,
            ProvisionCommand.class,
            DestroyCommand.class,
            MigrateCommand.class,
            StatusCommand.class,
            DriftCommand.class,
            HistoryCommand.class,
            TestCommand.class,
            PromoteCommand.class,
            RollbackCommand.class,
            GcCommand.class,
            ReportCommand.class,
            VerifyLedgerCommand.class,
            MetricsCommand.class,
            DemoCommand.class
        })
public final class DataOpsCommand implements Runnable {
    @Spec
    private CommandSpec commandSpec;

    @Option(
            names = "--spec",
            paramLabel = "FILE",
            defaultValue = "dataops.yaml",
            description = "The data product spec (default: ${DEFAULT-VALUE}).")
    private Path specFile;

    @Option(
            names = "--actor",
            paramLabel = "NAME",
            description = "Who acts, for the records (default: $DATAOPS_ACTOR, else the OS user).")
    private String actor;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    private boolean verbose;

    /** The environment variable that holds the ledger key. */
    static final String LEDGER_KEY = "DATAOPS_LEDGER_KEY";

    private final Map<String, String> environment;
    private final Clock clock;

    /**
     * Creates the command.
     *
     * @param environment the process environment (credentials, DATAOPS_ACTOR)
     * @param clock       the clock for records
     */
    public DataOpsCommand(final Map<String, String> environment, final Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public void run() {
        commandSpec.commandLine().usage(commandSpec.commandLine().getOut());
    }

    Map<String, String> environment() {
        return environment;
    }

    Clock clock() {
        return clock;
    }

    boolean isVerbose() {
        return verbose;
    }

    Path specFile() {
        return specFile;
    }

    PrintWriter out() {
        return commandSpec.commandLine().getOut();
    }

    PrintWriter err() {
        return commandSpec.commandLine().getErr();
    }

    /**
     * Loads the spec and opens the engine with a file ledger beside it.
     *
     * @param quiet drop progress lines (for JSON output)
     * @return the facade
     */
    DataOps open(final boolean quiet) {
        return open(specFile, quiet);
    }

    DataOps open(final Path file, final boolean quiet) {
        DataProductSpec spec = SpecLoader.load(file);
        ProgressListener progress = new ConsoleProgress(out(), err(), quiet);
        Session session = new Session(
                actor(),
                "cli",
                new EnvironmentVariableCredentials(environment),
                progress,
                DataOps.fileLedger(spec, clock, ledgerKey()),
                clock);
        return new DataOps(spec, session);
    }

    /** {@code DATAOPS_LEDGER_KEY} keys the ledger: every record gets a MAC and verification checks them. */
    private LedgerKey ledgerKey() {
        String key = environment.get(LEDGER_KEY);
        return key == null || key.isBlank() ? null : LedgerKey.of(LEDGER_KEY, key);
    }

    private String actor() {
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        String fromEnvironment = environment.get("DATAOPS_ACTOR");
        return fromEnvironment != null && !fromEnvironment.isBlank()
                ? fromEnvironment
                : System.getProperty("user.name", "unknown");
    }
}
