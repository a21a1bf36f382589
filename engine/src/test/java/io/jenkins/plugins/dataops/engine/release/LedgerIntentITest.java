package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Record before you change, settle after: on H2 and PostgreSQL, with a real ledger file. */
class LedgerIntentITest {
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

    @TempDir
    private Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldChangeNothingWhenTheLedgerCannotRecordTheIntent(final String database) throws Exception {
        // Given a provisioned environment and a ledger whose last line is half written (a crash, a full disk)
        ExampleProduct product = product(database);
        JsonLinesLedger ledger = ledger();
        DataOps dataOps = product.open("alice", ledger);
        dataOps.provision(ProvisionRequest.of("dev"));
        DatabaseTarget target = dataOps.target("dev");
        Files.writeString(ledger.file(), "{\"action\":\"migr", StandardOpenOption.APPEND);

        // When
        assertThatThrownBy(() -> product.open("alice", ledger).migrate(MigrateRequest.of("dev")))
                .isInstanceOf(DataOpsException.class)
                .hasMessageStartingWith("Nothing was changed: migrate of 'dev' could not be recorded in the ledger")
                .hasMessageContaining("verify-ledger");

        // Then no changeset was applied and no history row claims anything
        assertThat(count(
                        target,
                        "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'databasechangelog'"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldSettleEveryIntentWithItsOutcome(final String database) {
        // Given
        ExampleProduct product = product(database);
        JsonLinesLedger ledger = ledger();

        // When
        DataOps dataOps = product.open("alice", ledger);
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));

        // Then each intent is followed by the outcome that names it
        List<GovernanceRecord> records = records(ledger);
        assertThat(records)
                .extracting(r -> r.event().outcome())
                .containsExactly("intent", "success", "intent", "success");
        assertThat(records.get(3).event().evidence().get(EvidenceKeys.INTENT))
                .isEqualTo(Map.of(
                        EvidenceKeys.SEQUENCE,
                        3,
                        EvidenceKeys.HASH,
                        records.get(2).hash()));
        assertThat(ledger.openIntents()).isEmpty();
        assertThat(ledger.verify().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldReconcileAKilledMigrationIntoAnInterruptedRecord(final String database) throws Exception {
        // Given a changelog whose last changeset runs for a long time
        ExampleProduct product = product(database);
        JsonLinesLedger ledger = ledger();
        product.open("setup", ledger).provision(ProvisionRequest.of("dev"));
        product.writeSpec(product.readSpec() + "allow: { noRollback: true }\n");
        Path changelog = dir.resolve("db/changelog.yaml");
        String sleep = "postgres".equals(database)
                ? "SELECT pg_sleep(60)"
                : "CREATE ALIAS IF NOT EXISTS SLEEP_MS FOR 'java.lang.Thread.sleep'; CALL SLEEP_MS(60000)";
        Files.writeString(changelog, Files.readString(changelog) + SLOW_CHANGESET.formatted(sleep));

        // When a process is killed while it runs that changeset, and the next run starts
        Process victim = start(product, ledger);
        waitForLine(victim, "11-slow");
        Thread.sleep(1500); // H2 writes committed changes to disk within its 500 ms write delay
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Files.writeString(changelog, Files.readString(changelog).replace(sleep, "SELECT 1"));
        Process next = start(product, ledger);
        String output = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(next.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();

        // Then the killed run's intent is settled as interrupted, naming the changesets it applied (the example's
        // thirteen, before the sleeping one)
        assertThat(output).contains("APPLIED 1").contains("recorded as 'interrupted'");
        List<GovernanceRecord> records = records(ledger);
        GovernanceRecord interrupted = records.stream()
                .filter(r -> Outcome.INTERRUPTED.matches(r.event().outcome()))
                .findFirst()
                .orElseThrow();
        assertThat(interrupted.event().action()).isEqualTo("migrate");
        assertThat((List<?>) interrupted.event().evidence().get(EvidenceKeys.CHANGE_SETS))
                .hasSize(13);
        assertThat(records)
                .extracting(r -> r.event().outcome())
                .containsExactly("intent", "success", "intent", "success", "interrupted", "intent", "success");
        // (the killed run left Liquibase's lock set: the next run releases it and records that, then settles)
        assertThat(records)
                .extracting(r -> r.event().action())
                .containsExactly("provision", "provision", "migrate", "release-lock", "migrate", "migrate", "migrate");
        assertThat(records.get(3).event().evidence()).containsKey(EvidenceKeys.STALE_HOLDER);
        assertThat(Ledger.settledIntent(interrupted)).contains(records.get(2).sequence());
        assertThat(ledger.openIntents()).isEmpty();
        assertThat(ledger.verify().intact()).isTrue();
    }

    private ExampleProduct product(final String database) {
        return "postgres".equals(database)
                ? ExampleProduct.onPostgres(dir, "intent_" + System.nanoTime())
                : ExampleProduct.onH2(dir);
    }

    private JsonLinesLedger ledger() {
        return new JsonLinesLedger(dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME), Clock.systemUTC());
    }

    private static List<GovernanceRecord> records(final JsonLinesLedger ledger) {
        List<GovernanceRecord> records = new ArrayList<>();
        ledger.forEach(records::add);
        return records;
    }

    private static int count(final DatabaseTarget target, final String sql) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Process start(final ExampleProduct product, final JsonLinesLedger ledger) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MigrationProcess.class.getName(),
                        product.spec().toString(),
                        "dev",
                        PostgresServer.SUPERUSER,
                        PostgresServer.SUPERUSER_PASSWORD,
                        ledger.file().toString())
                .redirectErrorStream(true)
                .start();
    }

    private static void waitForLine(final Process process, final String text) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("process ended before printing '" + text + "'");
    }
}
