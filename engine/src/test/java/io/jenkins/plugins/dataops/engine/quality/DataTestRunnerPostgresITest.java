package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the data tests on a real PostgreSQL server. */
class DataTestRunnerPostgresITest extends AbstractDataTestRunnerITest {
    @Override
    DatabaseTarget createDatabase() {
        PostgresServer server = PostgresServer.get();
        String database = server.createDatabase("quality");
        return new DatabaseTarget("qat", server.jdbcUrl(database), PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }

    @Override
    String key(final String upper) {
        return upper.toLowerCase(Locale.ROOT);
    }

    @Test
    void shouldMatchRegularExpressionsWithTheTildeOperator() {
        // Given a pattern check on PostgreSQL
        DataTestReport report = run("table: customer\nchecks:\n  - pattern: { column: country, regex: '^[A-Z]{2}$' }\n");

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
