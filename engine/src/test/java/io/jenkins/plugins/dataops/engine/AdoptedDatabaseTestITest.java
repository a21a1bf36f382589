package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test} on a PostgreSQL database that DataOps never migrated: its table was made by plain SQL, there is
 * no Liquibase changelog table and no release history. The run needs neither; it is recorded in the ledger, and
 * in the history when the login may create it.
 */
class AdoptedDatabaseTestITest {
    private static final PostgresServer SERVER = PostgresServer.get();

    private final MemoryLedger ledger = new MemoryLedger(Clock.systemUTC());
    private final List<String> warnings = new ArrayList<>();

    @TempDir
    private Path dir;

    private String database;

    @BeforeEach
    void createADatabaseByPlainSql() throws IOException, SQLException {
        database = SERVER.createDatabase("adopted");
        execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, email TEXT, points INT)");
        execute("INSERT INTO customer VALUES (1, 'ada@example.com', 10), (2, NULL, 5), (3, 'tim@example.com', -1)");
        Files.createDirectories(dir.resolve("checks"));
        Files.writeString(dir.resolve("changelog.yaml"), "databaseChangeLog: []\n");
        Files.writeString(dir.resolve("checks/customer.yaml"), """
                table: customer
                checks:
                  - not_null: { column: email }
                  - range: { column: points, min: 0 }
                  - row_count: { min: 1 }
                """);
        Files.writeString(dir.resolve("dataops.yaml"), """
                product: crm
                changelog: changelog.yaml
                checks: checks
                environments:
                  legacy:
                    provider: postgres
                    url: %s
                    credentials: login
                    database: %s
                """.formatted(SERVER.jdbcUrl("postgres"), database));
    }

    @Test
    void shouldTestADatabaseNeverMigratedAndRecordTheRunInTheLedgerAndTheHistory() throws SQLException {
        // When the suite runs straight away: no provision, no migrate
        TestResult result = open(PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD)
                .test(TestRequest.of("legacy"));

        // Then the counts are right, and the run is recorded in both places
        assertThat(result.report().results())
                .extracting(CheckResult::failingRows)
                .containsExactly(1L, 1L, 0L);
        assertThat(result.breached()).isTrue();
        assertThat(testOutcomes()).containsExactly("failed");
        assertThat(open(PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD)
                        .history(HistoryRequest.of("legacy"))
                        .releases())
                .extracting(HistoryEntry::action, HistoryEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test", "failed"));
        assertThat(tables()).containsExactlyInAnyOrder("customer", "dataops_release_history");
    }

    @Test
    void shouldTestAnAdoptedDatabaseAndPassWhenTheDataKeepsItsPromises() throws SQLException {
        // Given the environment provisioned (the database is adopted) and the data fixed
        DataOps dataOps = open(PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
        dataOps.provision(ProvisionRequest.of("legacy"));
        execute("UPDATE customer SET email = 'grace@example.com', points = 0 WHERE id IN (2, 3)");

        // When
        TestResult result = dataOps.test(TestRequest.of("legacy"));

        // Then
        assertThat(result.breached()).isFalse();
        assertThat(testOutcomes()).containsExactly("passed");
    }

    @Test
    void shouldStillTestAndRecordInTheLedgerWhenTheLoginMayNotCreateTheHistory() throws SQLException {
        // Given a read-only login that can select from customer and create nothing
        String reader = "reader_" + database;
        execute("CREATE ROLE " + reader + " LOGIN PASSWORD 'reader-pw'");
        execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        execute("GRANT SELECT ON customer TO " + reader);

        // When
        TestResult result = open(reader, "reader-pw").test(TestRequest.of("legacy"));

        // Then the checks ran, the ledger has the run, and the user is told why the history does not
        assertThat(result.report().results())
                .extracting(CheckResult::failingRows)
                .containsExactly(1L, 1L, 0L);
        assertThat(testOutcomes()).containsExactly("failed");
        assertThat(tables()).containsExactly("customer");
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("release history").contains("legacy"));
    }

    private List<String> testOutcomes() {
        return ledger.records().stream()
                .map(GovernanceRecord::event)
                .filter(e -> "test".equals(e.action()) && !"intent".equals(e.outcome()))
                .map(e -> e.outcome())
                .toList();
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = SERVER.connect(database);
                var rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private void execute(final String sql) throws SQLException {
        try (Connection c = SERVER.connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private DataOps open(final String user, final String password) {
        ProgressListener progress = new ProgressListener() {
            @Override
            public void info(final String message) {}

            @Override
            public void warn(final String message) {
                warnings.add(message);
            }

            @Override
            public void error(final String message) {}
        };
        return new DataOps(
                SpecLoader.load(dir.resolve("dataops.yaml")),
                new Session(
                        "alice",
                        "build-9",
                        new MapCredentialsResolver().withLogin("login", new UsernamePassword(user, password)),
                        progress,
                        ledger,
                        Clock.systemUTC()));
    }
}
