package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
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

    @Test
    void shouldTellTimestamptzTextAndBitFromTheirLookAlikes() throws Exception {
        // Given columns whose types look like, but are not, the types a suite might write
        execute("CREATE TABLE typed (at timestamptz, note text, label varchar(40), flag bit(1), ok boolean)");

        // When a schema check names the look-alikes, Then each mismatch is reported with the real type
        DataTestReport wrong = run("table: typed\nchecks:\n  - schema: { columns: { at: TIMESTAMP, note: VARCHAR,"
                + " label: TEXT, flag: BOOLEAN, ok: BOOLEAN } }\n");
        assertThat(wrong.results().get(0).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(wrong.results().get(0).failingRows()).isEqualTo(4);
        assertThat(wrong.results().get(0).message()).contains("at (timestamptz)", "note (text)", "label (varchar)");

        // And the exact spellings, with the length, pass
        DataTestReport right = run("table: typed\nchecks:\n  - schema: { columns: { at: TIMESTAMP WITH TIME ZONE,"
                + " note: text, label: VARCHAR(40), flag: bit, ok: bool } }\n");
        assertThat(right.results().get(0).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void shouldCheckADomainColumnAsItsBaseTypeAndNameTheDomain() throws Exception {
        // Given a column of a domain over integer, with one value out of range
        execute("CREATE DOMAIN points_value AS integer");
        execute("CREATE TABLE scored (id int, score points_value)");
        execute("INSERT INTO scored VALUES (1, 5), (2, 50), (3, NULL)");

        // When range, not_null and accepted_values run on it, Then they count as on an integer column
        DataTestReport report = run("""
                table: scored
                checks:
                  - range: { column: score, min: 0, max: 10 }
                  - not_null: { column: score }
                  - accepted_values: { column: score, values: [5, 50] }
                  - schema: { columns: { score: points_value } }
                """);
        assertThat(report.results())
                .extracting(CheckResult::status, CheckResult::failingRows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CheckStatus.FAIL, 1L),
                        org.assertj.core.groups.Tuple.tuple(CheckStatus.FAIL, 1L),
                        org.assertj.core.groups.Tuple.tuple(CheckStatus.PASS, 0L),
                        org.assertj.core.groups.Tuple.tuple(CheckStatus.PASS, 0L));

        // And a check that needs text names the domain and its base type
        assertThatThrownBy(() -> run("table: scored\nchecks:\n  - pattern: { column: score, regex: '^1' }\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'score' is domain points_value over INTEGER");
    }

    @Test
    void shouldRefusePatternOnAnEnumColumnBeforeAnyQuery() throws Exception {
        // Given an enum column, which JDBC reports as text
        execute("CREATE TYPE mood AS ENUM ('happy', 'sad')");
        execute("CREATE TABLE feeling (m mood)");

        // When a pattern check names it, Then the suite is refused before running
        assertThatThrownBy(() -> run("table: feeling\nchecks:\n  - pattern: { column: m, regex: '^h' }\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a text column, but 'm' is mood");
    }

    private String currentSchema() throws SQLException {
        try (Connection c = target().open()) {
            return c.getSchema();
        }
    }

    @Test
    void shouldNotSeeColumnsOfASchemaWhoseNameDiffersByALikeWildcard() throws Exception {
        // Given the current schema checks_N and a schema checksXN whose customer table has an extra column
        String other = currentSchema().replace('_', 'X');
        execute("CREATE SCHEMA " + other);
        execute("CREATE TABLE " + other + ".customer (id BIGINT, only_there INT)");

        // When a suite names that column, Then it is unknown in the current schema's customer
        assertThatThrownBy(() -> run("table: customer\nchecks:\n  - not_null: { column: only_there }\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'only_there' does not exist in table 'customer'");
    }

    @Test
    void shouldCheckATableOfAnotherSchemaNamedBySchemaAndTable() throws Exception {
        // Given a table in schema sales, not the current one
        execute("CREATE SCHEMA IF NOT EXISTS sales_" + currentSchema());
        String sales = "sales_" + currentSchema();
        execute("CREATE TABLE " + sales + ".orders (id BIGINT, amount INT)");
        execute("INSERT INTO " + sales + ".orders VALUES (1, 5), (2, -1)");

        // When a suite names it qualified, Then its rows are checked and the report names schema and table
        DataTestReport report = run("table: " + sales + ".orders\nchecks:\n  - range: { column: amount, min: 0 }\n");
        assertThat(report.results().get(0).failingRows()).isEqualTo(1);
        assertThat(report.results().get(0).table()).isEqualTo(sales + ".orders");
    }

    @Test
    void shouldKeepAQuotedMixedCaseTableNameExact() throws Exception {
        // Given a mixed-case table and a lower-case one of the same letters
        execute("CREATE TABLE \"Film\" (id BIGINT)");
        execute("CREATE TABLE film (id BIGINT)");
        execute("INSERT INTO \"Film\" VALUES (1), (2)");

        // When the suite quotes the name, Then exactly that table is checked
        DataTestReport report = run("table: '\"Film\"'\nchecks:\n  - row_count: { min: 2, max: 2 }\n");
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.PASS);
        assertThat(report.results().get(0).table()).isEqualTo("Film");
    }

    @Test
    void shouldReportAnAmbiguousTableNameWithBothCandidates() throws Exception {
        // Given two tables that differ only in case, neither spelled as the suite spells it
        execute("CREATE TABLE \"Film\" (id BIGINT)");
        execute("CREATE TABLE \"FILM\" (id BIGINT)");

        // When the suite names 'film', Then the error names both candidates
        assertThatThrownBy(() -> run("table: film\nchecks:\n  - row_count: { min: 1 }\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("table 'film' is ambiguous")
                .hasMessageContaining("'Film'")
                .hasMessageContaining("'FILM'");
    }
}
