package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data tests only read, on a real PostgreSQL server where the tests connect as the admin: file functions and
 * writing SQL are refused before they run, and what the parser lets through still runs in a read-only
 * transaction.
 */
class ReadOnlyDataTestsPostgresITest {
    @TempDir
    private Path dir;

    private ExampleProduct product;
    private DataOps dataOps;

    @BeforeEach
    void migrateDev() {
        product = ExampleProduct.onPostgres(dir, "readonly_" + System.nanoTime());
        dataOps = product.open("alice", new MemoryLedger());
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
    }

    private void addSqlCheck(final String query) throws IOException {
        Files.writeString(product.dir().resolve("checks/hostile.yaml"), """
                table: customer
                checks:
                  - sql:
                      name: hostile
                      query: "%s"
                """.formatted(query.replace("\"", "\\\"")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "SELECT id FROM customer WHERE length(pg_read_file('/etc/hostname')) > 0",
                "SELECT id FROM customer WHERE lo_import('/etc/hostname') > 0",
                "WITH gone AS (DELETE FROM customer RETURNING id) SELECT id FROM gone"
            })
    void shouldRefuseFileFunctionsAndWritesBeforeTheyRun(final String query) throws IOException, SQLException {
        long before = scalar("SELECT COUNT(*) FROM customer");
        addSqlCheck(query);

        assertThatThrownBy(() -> dataOps.test(TestRequest.of("dev"))).isInstanceOf(InvalidInputException.class);
        assertThat(scalar("SELECT COUNT(*) FROM customer")).isEqualTo(before).isPositive();
        assertThat(scalar("SELECT COUNT(*) FROM pg_largeobject_metadata")).isZero();
    }

    @Test
    void shouldRunWhatTheParserAllowsInAReadOnlyTransaction() throws IOException, SQLException {
        // a function of the database's own that writes: the parser cannot know what it does
        execute("CREATE TABLE stolen (id BIGINT)");
        execute("CREATE FUNCTION steal(v BIGINT) RETURNS BIGINT LANGUAGE sql AS"
                + " 'INSERT INTO stolen VALUES (v) RETURNING v'");
        addSqlCheck("SELECT id FROM customer WHERE steal(id) > 0");

        CheckResult hostile = dataOps.test(TestRequest.of("dev")).report().results().stream()
                .filter(r -> r.name().equals("hostile"))
                .findFirst()
                .orElseThrow();

        assertThat(hostile.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(hostile.message()).contains("read-only transaction");
        assertThat(scalar("SELECT COUNT(*) FROM stolen")).isZero();
    }

    private long scalar(final String sql) throws SQLException {
        DatabaseTarget dev = dataOps.target("dev");
        try (Connection c = dev.open();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(final String sql) throws SQLException {
        DatabaseTarget dev = dataOps.target("dev");
        try (Connection c = dev.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
