package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.MigrateResult;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate JVM that migrates one environment, for the tests that race two processes or kill one in the
 * middle of a migration. Arguments: spec file, environment, PostgreSQL admin user, password and, optionally, a
 * ledger file (a memory ledger without it). Prints
 * {@code APPLIED n} and exits 0, or prints the failure and exits 1.
 */
public final class MigrationProcess {
    private MigrationProcess() {}

    /**
     * Runs one migration.
     *
     * @param args spec, environment, admin user, admin password
     */
    public static void main(final String[] args) {
        MapCredentialsResolver credentials =
                new MapCredentialsResolver().withLogin("pg-admin", new UsernamePassword(args[2], args[3]));
        ProgressListener progress = new ProgressListener() {
            @Override
            public void info(final String message) {
                System.out.println(message);
                System.out.flush();
            }

            @Override
            public void warn(final String message) {
                System.out.println("WARN " + message);
                System.out.flush();
            }

            @Override
            public void error(final String message) {
                System.out.println("ERROR " + message);
                System.out.flush();
            }
        };
        try {
            DataOps dataOps = new DataOps(
                    SpecLoader.load(Path.of(args[0])),
                    new Session(
                            "process-" + ProcessHandle.current().pid(),
                            "test",
                            credentials,
                            progress,
                            args.length > 4
                                    ? new JsonLinesLedger(Path.of(args[4]), Clock.systemUTC())
                                    : new MemoryLedger(),
                            Clock.systemUTC()));
            MigrateResult outcome = dataOps.migrate(MigrateRequest.of(args[1]));
            System.out.println("APPLIED " + outcome.changeSetCount());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }
}
