package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check type against a real database, passing and failing, with thresholds, filters, NULLs, empty tables
 * and hostile identifiers. Subclasses provide the database (H2, PostgreSQL).
 */
abstract class AbstractDataTestRunnerTest {
    /** The time of every run: two hours after the newest seed row. */
    static final Instant NOW =
            LocalDateTime.of(2024, 1, 10, 12, 0).atZone(ZoneId.systemDefault()).toInstant();

    @TempDir
    Path checks;

    private final List<String> progressLines = new ArrayList<>();
    private DatabaseTarget target;

    /**
     * Creates a fresh, empty database.
     *
     * @return its target
     */
    abstract DatabaseTarget createDatabase();

    @BeforeEach
    void createTables() throws SQLException {
        target = createDatabase();
        execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, email VARCHAR(200), country CHAR(2),"
                + " status VARCHAR(20), points INT, created_at TIMESTAMP, born DATE)");
        execute("INSERT INTO customer VALUES"
                + " (1, 'ada@example.com', 'GB', 'active', 120, TIMESTAMP '2024-01-10 10:00:00', DATE '1815-12-10'),"
                + " (2, 'grace@example.com', 'US', 'active', 80, TIMESTAMP '2024-01-09 10:00:00', DATE '1906-12-09'),"
                + " (3, 'linus@example.com', 'FI', 'inactive', 0, TIMESTAMP '2024-01-08 10:00:00', NULL),"
                + " (4, NULL, 'US', 'prospect', NULL, TIMESTAMP '2024-01-07 10:00:00', NULL),"
                + " (5, NULL, 'US', 'prospect', 300, TIMESTAMP '2024-01-06 10:00:00', NULL)");
        execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, amount DECIMAL(12,2),"
                + " currency CHAR(3))");
        execute("INSERT INTO orders VALUES (101, 1, 25.00, 'EUR'), (102, 2, 99.90, 'USD'), (103, 2, 12.50, 'USD'),"
                + " (104, NULL, 5.00, 'EUR')");
        execute("CREATE TABLE empty_table (id BIGINT, name VARCHAR(20), created_at TIMESTAMP)");
    }

    DatabaseTarget target() {
        return target;
    }

    void execute(final String sql) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    DataTestReport run(final String suiteYaml) {
        return run(suiteYaml, 5);
    }

    DataTestReport run(final String suiteYaml, final int sampleSize) {
        try {
            Files.writeString(checks.resolve("suite.yaml"), suiteYaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new DataTestRunner(target, recordingProgress())
                .run(CheckSuiteLoader.load(checks), new DataTestOptions(sampleSize, NOW));
    }

    private ProgressListener recordingProgress() {
        return new ProgressListener() {
            @Override
            public void info(final String message) {
                progressLines.add("info: " + message);
            }

            @Override
            public void warn(final String message) {
                progressLines.add("warn: " + message);
            }

            @Override
            public void error(final String message) {
                progressLines.add("error: " + message);
            }
        };
    }

    static Map<String, CheckResult> byName(final DataTestReport report) {
        return report.results().stream().collect(Collectors.toMap(CheckResult::name, Function.identity()));
    }

    @Test
    void shouldPassEveryCheckTypeOnGoodDataInOneScanQuery() {
        // Given a suite with every check type that holds on the seed data
        String suite = """
                table: customer
                checks:
                  - row_count: { min: 1, max: 100 }
                  - not_null: { column: id }
                  - unique: { column: email }
                  - unique: { columns: [id, status] }
                  - accepted_values: { column: status, values: [active, inactive, prospect] }
                  - range: { column: points, min: 0, max: 1000 }
                  - range: { column: born, min: 1800-01-01, max: now, name: born_in_the_past }
                  - range: { column: created_at, min: '2024-01-01T00:00:00', max: now }
                  - pattern: { column: email, regex: '^[^@]+@[^@]+$' }
                  - relationships: { column: id, to: customer, field: id, name: self_reference }
                  - freshness: { column: created_at, maxAge: 24h }
                  - schema: { columns: { id: BIGINT, email: VARCHAR, country: CHAR, points: INT, created_at: TIMESTAMP } }
                  - sql: { name: no_negative_points, query: "SELECT id FROM customer WHERE points < 0" }
                """;

        // When it runs
        DataTestReport report = run(suite);

        // Then everything passes: the folded checks in one scan; each unique, relationships and sql one each
        assertThat(report.results())
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
        assertThat(report.results()).hasSize(13);
        assertThat(report.scanQueries()).isEqualTo(5);
        assertThat(report.sampleQueries()).isZero();
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.PASS);
        assertThat(progressLines).contains("info: Checking table '" + key("CUSTOMER") + "': 13 checks in 5 queries");
    }

    @Test
    void shouldFoldManyColumnChecksOfOneTableIntoOneScanQueryAndCountDuplicatesApart() {
        // Given twelve column checks on one table
        String suite = """
                table: customer
                checks:
                  - row_count: { min: 1 }
                  - not_null: { column: id }
                  - not_null: { column: created_at }
                  - unique: { column: id }
                  - unique: { column: email }
                  - accepted_values: { column: status, values: [active, inactive, prospect] }
                  - accepted_values: { column: country, values: [GB, US, FI] }
                  - range: { column: points, min: 0 }
                  - range: { column: id, min: 1, max: 5, where: "status = 'active'" }
                  - pattern: { column: email, regex: '@' }
                  - freshness: { column: created_at, maxAge: 1d }
                  - freshness: { column: created_at, maxAge: 7d, where: "status = 'inactive'", name: inactive_fresh }
                """;

        // When it runs
        DataTestReport report = run(suite);

        // Then one query evaluated all of them but the duplicate counts, which have one query each (folded, they
        // would keep PostgreSQL from scanning in parallel)
        assertThat(report.scanQueries()).isEqualTo(3);
        assertThat(report.count(CheckStatus.PASS)).isEqualTo(12);
        assertThat(progressLines).contains("info: Checking table '" + key("CUSTOMER") + "': 12 checks in 3 queries");
    }

    @Test
    void shouldFailEveryRowCheckWithObservedValueThresholdAndSample() {
        // Given checks that the seed data breaks
        String suite = """
                table: customer
                checks:
                  - row_count: { min: 10 }
                  - not_null: { column: email }
                  - unique: { column: country }
                  - unique: { columns: [country, status] }
                  - accepted_values: { column: country, values: [GB, US] }
                  - range: { column: points, min: 0, max: 100 }
                  - range: { column: born, min: 1900-01-01 }
                  - pattern: { column: email, regex: '^[a-g]' }
                  - relationships: { column: points, to: orders, field: id }
                  - freshness: { column: created_at, maxAge: 1h }
                  - schema: { columns: { id: INTEGER, email: VARCHAR, nickname: VARCHAR } }
                  - sql: { name: inactive_customers, query: "SELECT id, status FROM customer WHERE status = 'inactive'" }
                """;

        // When it runs
        DataTestReport report = run(suite, 2);

        // Then each fails with what was observed and a bounded sample
        Map<String, CheckResult> r = byName(report);
        assertThat(report.results())
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(CheckStatus.FAIL));
        assertThat(r.get("row_count").observed()).isEqualTo("5 rows");
        assertThat(r.get("row_count").threshold()).isEqualTo(">= 10 rows");
        assertThat(r.get("not_null_email").failingRows()).isEqualTo(2);
        assertThat(r.get("not_null_email").observed()).isEqualTo("2 failing rows of 5");
        assertThat(r.get("not_null_email").threshold()).isEqualTo("<= 0 failing rows");
        assertThat(r.get("not_null_email").sample())
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get(key("EMAIL"))).isNull());
        assertThat(r.get("unique_country").failingRows())
                .as("US three times: 2 surplus rows")
                .isEqualTo(2);
        assertThat(r.get("unique_country").sample()).hasSize(1);
        assertThat(r.get("unique_country").sample().get(0))
                .containsEntry(key("COUNTRY"), "US")
                .containsEntry(key("DUPLICATES"), "3");
        assertThat(r.get("unique_country_status").failingRows()).isEqualTo(1);
        assertThat(r.get("accepted_values_country").failingRows()).as("FI").isEqualTo(1);
        assertThat(r.get("accepted_values_country").sample().get(0)).containsEntry(key("ID"), "3");
        assertThat(r.get("range_points").failingRows())
                .as("120 and 300; NULL not out of range")
                .isEqualTo(2);
        assertThat(r.get("range_born").failingRows()).isEqualTo(1);
        assertThat(r.get("pattern_email").failingRows())
                .as("linus; NULLs not checked")
                .isEqualTo(1);
        assertThat(r.get("relationships_points").failingRows())
                .as("120, 80, 0, 300")
                .isEqualTo(4);
        assertThat(r.get("relationships_points").sample()).hasSize(2);
        assertThat(r.get("freshness_created_at").observed()).isEqualTo("2024-01-10T10:00");
        assertThat(r.get("freshness_created_at").message()).contains("2h old; allowed 1h");
        assertThat(r.get("schema").failingRows()).isEqualTo(2);
        assertThat(r.get("schema").sample()).extracting(m -> m.get("column")).containsExactly("id", "nickname");
        assertThat(r.get("inactive_customers").failingRows()).isEqualTo(1);
        assertThat(r.get("inactive_customers").sample().get(0)).containsEntry(key("STATUS"), "inactive");
        assertThat(report.sampleQueries()).as("one per failing check with rows").isEqualTo(9);
        assertThat(report.scanQueries()).isEqualTo(5);
        assertThat(report.isBreached(FailOn.ERROR)).isTrue();
    }

    @Test
    void shouldTreatNullAsNeitherDuplicateNorOutOfRangeNorUnacceptedValue() {
        // Given three NULL birth dates, two NULL emails and one NULL points value
        String suite = """
                table: customer
                checks:
                  - unique: { column: born }
                  - unique: { column: email }
                  - unique: { columns: [email, born] }
                  - range: { column: born, min: 1800-01-01, max: 1950-01-01 }
                  - range: { column: points, min: 0, max: 1000 }
                  - accepted_values: { column: email, values: [ada@example.com, grace@example.com, linus@example.com] }
                  - pattern: { column: email, regex: '@example[.]com$' }
                """;

        // When it runs
        DataTestReport report = run(suite);

        // Then NULL is never a failure; only not_null checks for it
        assertThat(report.results())
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void shouldApplyAbsoluteAndPercentageThresholds() {
        // Given 2 of 5 emails NULL (40 %)
        String suite = """
                table: customer
                checks:
                  - not_null: { column: email, threshold: 2, name: two_allowed }
                  - not_null: { column: email, threshold: 1, name: one_allowed }
                  - not_null: { column: email, threshold: '40%', name: forty_percent }
                  - not_null: { column: email, threshold: '39.9%', name: almost_forty_percent }
                """;

        // When it runs
        Map<String, CheckResult> r = byName(run(suite));

        // Then the thresholds decide
        assertThat(r.get("two_allowed").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("two_allowed").message()).contains("within the threshold <= 2");
        assertThat(r.get("one_allowed").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("forty_percent").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("forty_percent").threshold()).isEqualTo("<= 40% of rows");
        assertThat(r.get("almost_forty_percent").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void shouldRelateOrdersToCustomersIgnoringNullForeignKeys() throws SQLException {
        // Given an order of an unknown customer
        execute("INSERT INTO orders VALUES (105, 99, -40.00, 'EUR')");
        String suite = """
                table: orders
                checks:
                  - relationships: { column: customer_id, to: customer, field: id }
                  - relationships: { column: customer_id, to: customer, field: id, threshold: '20%', name: lenient }
                  - relationships: { column: customer_id, to: customer, field: id, where: "amount > 0", name: positive }
                  - range: { column: amount, min: 0 }
                """;

        // When it runs
        Map<String, CheckResult> r = byName(run(suite));

        // Then the orphan is found, the NULL customer_id is not an orphan, the filter and threshold apply
        assertThat(r.get("relationships_customer_id").failingRows()).isEqualTo(1);
        assertThat(r.get("relationships_customer_id").observed()).isEqualTo("1 failing row of 5");
        assertThat(r.get("relationships_customer_id").sample())
                .singleElement()
                .satisfies(row -> assertThat(row.get(key("CUSTOMER_ID"))).isEqualTo("99"));
        assertThat(r.get("lenient").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("positive").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("positive").checkedRows()).isEqualTo(4);
        assertThat(r.get("range_amount").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("range_amount").sample().get(0).get(key("AMOUNT"))).startsWith("-40");
    }

    @Test
    void shouldFilterWithWhereAndReportWarnSeverityAsWarning() {
        // Given checks limited to active customers, one of them a warning
        String suite = """
                table: customer
                checks:
                  - not_null: { column: email, where: "status = 'active'" }
                  - range: { column: points, max: 100, where: "status = 'active'", severity: warn }
                  - row_count: { min: 2, max: 2, where: "status = 'active'" }
                """;

        // When it runs
        DataTestReport report = run(suite);

        // Then the filter applies to the rows checked and the warning does not break an error-only policy
        Map<String, CheckResult> r = byName(report);
        assertThat(r.get("not_null_email").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("not_null_email").checkedRows()).isEqualTo(2);
        assertThat(r.get("range_points").status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.get("range_points").failingRows()).isEqualTo(1);
        assertThat(r.get("range_points").sample()).hasSize(1);
        assertThat(r.get("row_count").status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.scanQueries()).isEqualTo(1);
        assertThat(report.isBreached(FailOn.ERROR)).isFalse();
        assertThat(report.breaches(FailOn.WARN)).extracting(CheckResult::name).containsExactly("range_points");
        assertThat(progressLines).anyMatch(l -> l.startsWith("warn: " + key("CUSTOMER") + ".range_points [warn]"));
    }

    @Test
    void shouldHandleAnEmptyTable() {
        // Given an empty table
        String suite = """
                table: EMPTY_TABLE
                checks:
                  - row_count: { min: 1 }
                  - not_null: { column: name }
                  - unique: { column: name }
                  - unique: { columns: [id, name] }
                  - range: { column: id, min: 0 }
                  - not_null: { column: name, threshold: '1%', name: percent }
                  - freshness: { column: created_at, maxAge: 1d }
                """;

        // When it runs
        Map<String, CheckResult> r = byName(run(suite));

        // Then row_count and freshness fail, the row checks pass on zero rows
        assertThat(r.get("row_count").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("freshness_created_at").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("freshness_created_at").observed()).isEqualTo("no rows");
        assertThat(r.values())
                .filteredOn(c -> c.type().countsRows())
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckStatus.PASS))
                .allSatisfy(c -> assertThat(c.message()).isEqualTo("No failing row in 0 rows."));
        assertThat(r.get("row_count").table()).isEqualToIgnoringCase("empty_table");
    }

    @Test
    void shouldIsolateACheckWhoseFilterTheDatabaseRejects() {
        // Given a filter naming a column that does not exist (filters are trusted SQL, so only the database sees it)
        String suite = """
                table: customer
                checks:
                  - not_null: { column: id }
                  - not_null: { column: email, where: "no_such_column = 1" }
                  - unique: { column: id }
                """;

        // When it runs
        DataTestReport report = run(suite);

        // Then only that check errors; the others are evaluated one by one
        Map<String, CheckResult> r = byName(report);
        assertThat(r.get("not_null_email").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.get("not_null_email").message()).contains("The database rejected the query");
        assertThat(r.get("not_null_id").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("unique_id").status()).isEqualTo(CheckStatus.PASS);
        assertThat(report.scanQueries())
                .as("the scan, each of its 3 checks alone, the duplicate count")
                .isEqualTo(5);
        assertThat(report.breaches(FailOn.ERROR)).hasSize(1);
    }

    @Test
    void shouldRejectHostileTableNamesBeforeAnyQuery() throws SQLException {
        // Given a table name that tries to chain a statement
        String suite = """
                table: "customer; DROP TABLE customer --"
                checks:
                  - row_count: { min: 1 }
                """;

        // When it runs, Then it is a clear error and the table survives
        assertThatThrownBy(() -> run(suite))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Check suite 'suite.yaml': table 'customer; DROP TABLE customer --' does not "
                        + "exist in environment");
        assertThat(run("table: customer\nchecks:\n  - row_count: { min: 5 }\n").worstStatus())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void shouldRejectHostileColumnNamesNamingSuiteCheckAndIdentifier() {
        // Given column names that try to break out of quoting
        String suite = """
                table: customer
                checks:
                  - not_null: { column: 'x" OR 1=1 --', name: quoted }
                  - unique: { columns: [id, "email]; DROP TABLE customer"], name: bracketed }
                  - relationships: { column: id, to: "orders; DELETE FROM orders", field: id, name: rel }
                  - relationships: { column: id, to: orders, field: "id) OR (1=1", name: rel_field }
                """;

        // When it runs, Then every hostile identifier is reported, with suite file, check and identifier
        assertThatThrownBy(() -> run(suite))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("Check suite 'suite.yaml', check 'quoted' (line 3): column 'x\" OR 1=1 --' "
                        + "does not exist in table")
                .hasMessageContaining("check 'bracketed' (line 4): column 'email]; DROP TABLE customer'")
                .hasMessageContaining("check 'rel' (line 5): table 'orders; DELETE FROM orders' in 'to' does not exist")
                .hasMessageContaining("check 'rel_field' (line 6): column 'id) OR (1=1' does not exist");
    }

    @Test
    void shouldMatchIdentifiersCaseInsensitivelyAndSuggestCloseNames() {
        // Given names in another case, and a misspelt one
        assertThat(run("table: CUSTOMER\nchecks:\n  - not_null: { column: Id }\n")
                        .worstStatus())
                .isEqualTo(CheckStatus.PASS);

        // When a column is misspelt, Then the error suggests the real one
        assertThatThrownBy(() -> run("table: customer\nchecks:\n  - not_null: { column: emial }\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("did you mean");
    }

    @Test
    void shouldRejectValuesThatDoNotFitTheColumn() {
        // Given values of the wrong kind for their columns
        String suite = """
                table: customer
                checks:
                  - accepted_values: { column: points, values: [1, lots] }
                  - range: { column: created_at, min: 0 }
                  - range: { column: email, min: 0 }
                  - freshness: { column: email, maxAge: 1d }
                  - pattern: { column: points, regex: '1' }
                """;

        // When it runs, Then each is reported before any query
        assertThatThrownBy(() -> run(suite))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("5 problems")
                .hasMessageContaining("value 'lots' is not a number")
                .hasMessageContaining("value '0' is a number, but column")
                .hasMessageContaining("check 'range' needs a number, date or timestamp column")
                .hasMessageContaining("check 'freshness' needs a date or timestamp column")
                .hasMessageContaining("check 'pattern' needs a text column");
    }

    @Test
    void shouldNameSuiteAndCheckOfABadRelativeDateAndStillReportTheOtherProblems() {
        // Given a date value with a bad relative age, and a misspelt column after it
        String suite = """
                table: customer
                checks:
                  - accepted_values: { column: created_at, values: ['now-lots'] }
                  - not_null: { column: emial }
                """;

        // When it runs, Then both problems are reported, the first with suite file and check
        assertThatThrownBy(() -> run(suite))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("check 'accepted_values_created_at' (line 3)")
                .hasMessageContaining("'lots'")
                .hasMessageContaining("column 'emial' does not exist");
    }

    @Test
    void shouldFetchNoSampleWhenSampleSizeIsZero() {
        // Given a failing check and sample size 0
        DataTestReport report = run("table: customer\nchecks:\n  - not_null: { column: email }\n", 0);

        // Then no sample query is issued
        assertThat(report.results().get(0).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.results().get(0).sample()).isEmpty();
        assertThat(report.sampleQueries()).isZero();
    }

    /**
     * Returns a column label as the database reports it in sample rows (H2 upper-cases unquoted names).
     *
     * @param upper the upper-case name
     * @return the label
     */
    abstract String key(String upper);

    @Test
    void shouldApplyWhereToTheResultOfASqlCheckAndItsSamples() {
        // Given a sql check returning three customers, filtered to the active ones (two of them)
        String suite = """
                table: customer
                checks:
                  - sql:
                      name: has_points
                      query: "SELECT id, status FROM customer WHERE points > 50"
                      where: "status = 'active'"
                """;

        // When it runs, Then only the filtered rows fail, and the samples are those rows
        CheckResult result = run(suite).results().get(0);
        assertThat(result.failingRows()).isEqualTo(2);
        assertThat(result.sample()).hasSize(2);
        assertThat(result.checkedRows()).isEqualTo(5);
    }

    @Test
    void shouldCountTheFilteredRowsAsCheckedForRowCountAndFreshness() {
        // Given a row_count and a freshness check filtered to the active customers (two of five)
        String suite = """
                table: customer
                checks:
                  - row_count: { min: 1, where: "status = 'active'" }
                  - freshness: { column: created_at, maxAge: 30d, where: "status = 'active'" }
                """;

        // Then both report the rows the filter keeps as checked
        assertThat(run(suite).results()).extracting(CheckResult::checkedRows).containsExactly(2L, 2L);
    }

    @Test
    void shouldCompareADateOnlyBoundAsADateWhateverTheAgentsTimeZone() {
        // Given a range with a date-only bound on a date column and on a timestamp column
        String suite = """
                table: customer
                checks:
                  - range: { column: born, min: 1900-01-01 }
                  - range: { column: created_at, min: 2024-01-08 }
                """;
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        List<Long> counts = new ArrayList<>();
        try {
            // When it runs under two far-apart default time zones
            for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
                run(suite).results().forEach(r -> counts.add(r.failingRows()));
            }
        } finally {
            java.util.TimeZone.setDefault(original);
        }

        // Then the counts are the same: Ada was born before 1900, two customers were created before 2024-01-08
        assertThat(counts).containsExactly(1L, 2L, 1L, 2L);
    }
}
