package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs the data tests on a real PostgreSQL server. */
class DataTestRunnerPostgresITest extends AbstractDataTestRunnerTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String database;

    /**
     * Gives each test a fresh schema of one database per class: much faster than a database per test, and it
     * proves that identifiers resolve in the connection's current schema, not only in {@code public}.
     *
     * @return the target, with {@code currentSchema} in its URL
     */
    @Override
    DatabaseTarget createDatabase() {
        PostgresServer server = PostgresServer.get();
        synchronized (SCHEMAS) {
            if (database == null) {
                database = server.createDatabase("quality");
            }
        }
        String schema = "checks_" + SCHEMAS.incrementAndGet();
        DatabaseTarget target = new DatabaseTarget(
                "qat",
                server.jdbcUrl(database) + "?currentSchema=" + schema,
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    @Override
    String key(final String upper) {
        return upper.toLowerCase(Locale.ROOT);
    }

    @Test
    void shouldMatchRegularExpressionsWithTheTildeOperator() {
        // Given a pattern check on PostgreSQL
        DataTestReport report =
                run("table: customer\nchecks:\n  - pattern: { column: country, regex: '^[A-Z]{2}$' }\n");

        // Then PostgreSQL's ~ evaluates it
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void shouldPreferTheExactlyNamedTableOverAnotherCase() throws Exception {
        // Given two tables whose names differ only in case
        execute("CREATE TABLE \"Customer\" (id BIGINT)");

        // When the suite names the mixed-case one, Then that one is checked (it is empty)
        DataTestReport report = run("table: Customer\nchecks:\n  - row_count: { max: 0 }\n");
        assertThat(report.results().get(0).table()).isEqualTo("Customer");
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.PASS);
    }
}
