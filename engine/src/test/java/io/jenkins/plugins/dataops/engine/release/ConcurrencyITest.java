package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.MigrateResult;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two threads, two processes, and a process killed in the middle of a migration, on H2 and on PostgreSQL. */
class ConcurrencyITest {
    private static final String SLOW_CHANGESET = """
              - changeSet:
                  id: 11-slow
                  author: test
                  changes:
                    - sql:
                        sql: %s
                  rollback:
                    - sql:
                        sql: SELECT 1
            """;

    private static ExampleProduct product(final String database, final Path dir) {
        return "postgres".equals(database)
                ? ExampleProduct.onPostgres(dir, "conc_" + System.nanoTime())
                : ExampleProduct.onH2(dir);
    }

    private static DatabaseTarget provisioned(final ExampleProduct product) {
        DataOps dataOps = product.open("setup", new MemoryLedger());
        dataOps.provision(ProvisionRequest.of("dev"));
        return dataOps.target("dev");
    }

    private static int count(final DatabaseTarget target, final String sql) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldApplyEachChangesetOnceWhenTwoThreadsRace(final String database, @TempDir final Path dir)
            throws Exception {
        // Given
        ExampleProduct product = product(database, dir);
        DatabaseTarget target = provisioned(product);

        // When two threads migrate the same environment at once
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<MigrateResult> migrate = () -> product.open("thread", new MemoryLedger())
                .migrate(MigrateRequest.of("dev").withTag("1.1.0"));
        List<Future<MigrateResult>> results = pool.invokeAll(List.of(migrate, migrate));
        pool.shutdown();

        // Then exactly one applied the 7 changesets, the other found nothing pending
        List<Integer> applied = new ArrayList<>();
        for (Future<MigrateResult> result : results) {
            applied.add(result.get().changeSetCount());
        }
        assertThat(applied).containsExactlyInAnyOrder(7, 0);
        assertThat(count(target, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(7);
        assertThat(count(target, "SELECT COUNT(DISTINCT id) FROM databasechangelog"))
                .isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldNameTheHolderWhenTheLockIsNotFreedInTime(final String database, @TempDir final Path dir)
            throws IOException {
        // Given a lock held by someone else and a short lock timeout
        ExampleProduct product = product(database, dir);
        DatabaseTarget target = provisioned(product);
        product.writeSpec(product.readSpec() + "lockTimeout: 1s\n");

        try (EnvironmentLock ignored = EnvironmentLock.acquire(
                target, "carol (promote, build 7)", Duration.ofSeconds(5), Clock.systemUTC(), ProgressListener.NONE)) {
            // When / Then
            assertThatThrownBy(() -> product.open("dave", new MemoryLedger()).migrate(MigrateRequest.of("dev")))
                    .isInstanceOf(OperationRefusedException.class)
                    .hasMessageContaining("Environment 'dev' is locked by 'carol (promote, build 7)'")
                    .hasMessageContaining("gave up after PT1S");
        }
        // and once released, the migration goes through
        assertThat(product.open("dave", new MemoryLedger())
                        .migrate(MigrateRequest.of("dev").withTag("1.0.0"))
                        .changeSetCount())
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldApplyEachChangesetOnceWhenTwoProcessesRace(final String database, @TempDir final Path dir)
            throws Exception {
        // Given
        ExampleProduct product = product(database, dir);
        DatabaseTarget target = provisioned(product);
        allowNoRollback(product);

        // When two JVMs migrate the same environment at once
        Process first = start(product);
        Process second = start(product);
        String firstOut = finish(first);
        String secondOut = finish(second);

        // Then both succeed and every changeset is applied exactly once
        assertThat(List.of(firstOut, secondOut)).allMatch(out -> out.contains("APPLIED"));
        assertThat(firstOut + secondOut).contains("APPLIED 10").contains("APPLIED 0");
        assertThat(count(target, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(10);
        assertThat(count(target, "SELECT COUNT(*) FROM customer")).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldResumeAfterAProcessWasKilledInTheMiddleOfAMigration(final String database, @TempDir final Path dir)
            throws Exception {
        // Given a changelog whose last changeset runs for a long time
        ExampleProduct product = product(database, dir);
        DatabaseTarget target = provisioned(product);
        allowNoRollback(product);
        Path changelog = dir.resolve("db/changelog.yaml");
        String sleep = "postgres".equals(database)
                ? "SELECT pg_sleep(60)"
                : "CREATE ALIAS IF NOT EXISTS SLEEP_MS FOR 'java.lang.Thread.sleep'; CALL SLEEP_MS(60000)";
        Files.writeString(changelog, Files.readString(changelog) + SLOW_CHANGESET.formatted(sleep));

        // When a process is killed while it runs that changeset
        Process victim = start(product);
        waitForLine(victim, "11-slow");
        Thread.sleep(1500); // H2 writes committed changes to disk within its 500 ms write delay
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        // Then the ten changesets before it stay applied, the slow one is not recorded as applied
        assertThat(count(target, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(10);

        // and the next run takes the environment over at once and resumes with the slow changeset
        Files.writeString(changelog, Files.readString(changelog).replace(sleep, "SELECT 1"));
        String next = finish(start(product));
        assertThat(next).contains("APPLIED 1").contains("releasing a Liquibase lock left by");
        assertThat(count(target, "SELECT COUNT(*) FROM databasechangelog")).isEqualTo(11);
    }

    private static void allowNoRollback(final ExampleProduct product) {
        product.writeSpec(product.readSpec() + "allow: { noRollback: true }\n");
    }

    private static Process start(final ExampleProduct product) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MigrationProcess.class.getName(),
                        product.spec().toString(),
                        "dev",
                        PostgresServer.SUPERUSER,
                        PostgresServer.SUPERUSER_PASSWORD)
                .redirectErrorStream(true)
                .start();
    }

    private static String finish(final Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return output;
    }

    private static void waitForLine(final Process process, final String text) throws IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("process ended before printing '" + text + "'");
    }
}
