package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckSuiteLoaderTest {
    private static final String EVERY_TYPE = """
            table: customer
            description: Promises about customers
            checks:
              - row_count: { min: 1, max: 1000000 }
              - not_null: { column: email, severity: warn }
              - unique: { columns: [email] }
              - unique: { columns: [country, email], name: country_email }
              - accepted_values: { column: status, values: [active, inactive, prospect] }
              - range: { column: loyalty_points, min: 0, max: 100000, where: "status = 'active'" }
              - range: { column: created_at, min: 2020-01-01, max: now }
              - pattern: { column: email, regex: '^[^@]+@[^@]+$', threshold: '1.5%' }
              - relationships: { column: customer_id, to: customer, field: id, threshold: 3 }
              - freshness: { column: created_at, maxAge: 24h }
              - schema: { columns: { id: BIGINT, email: VARCHAR, segment: } }
              - schema: { columns: [id, email], name: columns_exist }
              - sql: { name: no_orphans, query: "SELECT * FROM orders o WHERE o.amount < 0;" }
            """;

    @TempDir
    Path dir;

    private void write(final String file, final String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertProblem(final String suite, final String... messages) {
        write("customer.yaml", suite);
        assertThatThrownBy(() -> CheckSuiteLoader.load(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll(messages);
    }

    @Test
    void shouldLoadEveryCheckTypeWithItsParameters() {
        // Given a suite with every check type
        write("customer.yaml", EVERY_TYPE);

        // When it is loaded
        List<CheckSuite> suites = CheckSuiteLoader.load(dir);

        // Then every parameter is read
        assertThat(suites).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("customer");
            assertThat(s.file()).isEqualTo("customer.yaml");
            assertThat(s.table()).isEqualTo("customer");
            assertThat(s.checksum()).hasSize(64);
            assertThat(s.checks())
                    .extracting(Check::name)
                    .containsExactly(
                            "row_count",
                            "not_null_email",
                            "unique_email",
                            "country_email",
                            "accepted_values_status",
                            "range_loyalty_points",
                            "range_created_at",
                            "pattern_email",
                            "relationships_customer_id",
                            "freshness_created_at",
                            "schema",
                            "columns_exist",
                            "no_orphans");
        });
        List<Check> checks = suites.get(0).checks();
        assertThat(checks.get(0).min()).isEqualTo("1");
        assertThat(checks.get(0).max()).isEqualTo("1000000");
        assertThat(checks.get(0).line()).isEqualTo(4);
        assertThat(checks.get(1).severity()).isEqualTo(Severity.WARN);
        assertThat(checks.get(3).columns()).containsExactly("country", "email");
        assertThat(checks.get(4).values()).containsExactly("active", "inactive", "prospect");
        assertThat(checks.get(5).where()).isEqualTo("status = 'active'");
        assertThat(checks.get(6).max()).isEqualTo("now");
        assertThat(checks.get(7).regex()).isEqualTo("^[^@]+@[^@]+$");
        assertThat(checks.get(7).threshold()).isEqualTo(Threshold.parse("1.5%"));
        assertThat(checks.get(8).toTable()).isEqualTo("customer");
        assertThat(checks.get(8).toColumn()).isEqualTo("id");
        assertThat(checks.get(8).threshold()).isEqualTo(Threshold.parse("3"));
        assertThat(checks.get(9).maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(checks.get(10).expectedColumns())
                .containsExactly(Map.entry("id", "BIGINT"), Map.entry("email", "VARCHAR"), Map.entry("segment", ""));
        assertThat(checks.get(11).expectedColumns()).containsOnlyKeys("id", "email");
        assertThat(checks.get(12).query()).isEqualTo("SELECT * FROM orders o WHERE o.amount < 0");
    }

    @Test
    void shouldLoadSuitesSortedByFileNameAndSelectOneByName() {
        // Given two suites and a file that is not a suite
        write("orders.yml", "table: orders\nchecks:\n  - row_count: { min: 1 }\n");
        write("customer.yaml", "table: customer\nchecks:\n  - row_count: { min: 1 }\n");
        write("README.md", "not a suite");

        // When they are loaded
        List<CheckSuite> all = CheckSuiteLoader.load(dir);

        // Then they come sorted, and one can be selected by name
        assertThat(all).extracting(CheckSuite::name).containsExactly("customer", "orders");
        assertThat(CheckSuiteLoader.load(dir, "orders"))
                .extracting(CheckSuite::file)
                .containsExactly("orders.yml");
        assertThatThrownBy(() -> CheckSuiteLoader.load(dir, "order"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "There is no check suite 'order' (did you mean 'orders'?); the suites are: customer, orders.");
    }

    @Test
    void shouldChecksumTheSuiteFilesSoAnyEditChangesIt() {
        // Given a suite
        write("customer.yaml", "table: customer\nchecks:\n  - row_count: { min: 1 }\n");
        String before = CheckSuiteLoader.checksum(CheckSuiteLoader.load(dir));

        // When a byte changes
        write("customer.yaml", "table: customer\nchecks:\n  - row_count: { min: 2 }\n");

        // Then the checksum changes; reading again gives the same one
        assertThat(CheckSuiteLoader.checksum(CheckSuiteLoader.load(dir)))
                .isNotEqualTo(before)
                .hasSize(64)
                .isEqualTo(CheckSuiteLoader.checksum(CheckSuiteLoader.load(dir)));
    }

    @Test
    void shouldReportAMissingFolderAndReturnNothingForAnEmptyOne() {
        assertThatThrownBy(() -> CheckSuiteLoader.load(dir.resolve("nope")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist; create it or fix 'checks' in the spec.");
        assertThat(CheckSuiteLoader.load(dir)).isEmpty();
    }

    @Test
    void shouldSuggestTheClosestKeyForAnUnknownOne() {
        assertProblem(
                "table: customer\nchecks:\n  - not_null: { colum: email }\n",
                "Check suite 'customer.yaml', line 3: unknown key 'colum' in check 'not_null' (did you mean 'column'?); "
                        + "valid keys: column, description, name, pii, severity, threshold, where",
                "line 3: check 'not_null' needs key 'column'");
        assertProblem(
                "tabel: customer\nchecks:\n  - row_count: { min: 1 }\n",
                "line 1: unknown key 'tabel' in the suite (did you mean 'table'?)",
                "the suite needs key 'table'");
        assertProblem(
                "table: customer\nchecks:\n  - freshness: { column: a, max_age: 1h }\n",
                "unknown key 'max_age' in check 'freshness' (did you mean 'maxAge'?)");
    }

    @Test
    void shouldListTheValidTypesForAnUnknownCheckType() {
        assertProblem(
                "table: customer\nchecks:\n  - not_nul: { column: email }\n",
                "line 3: unknown check type 'not_nul' (did you mean 'not_null'?); valid types: row_count, not_null, "
                        + "unique, accepted_values, range, pattern, relationships, freshness, schema, sql");
        assertProblem(
                "table: customer\nchecks:\n  - completeness: { column: email }\n",
                "unknown check type 'completeness'; valid types: row_count");
    }

    @Test
    void shouldReportWrongTypesOfValues() {
        assertProblem(
                "table: [a, b]\nchecks:\n  - row_count: { min: 1 }\n",
                "line 1: key 'table' needs a single value, not a list");
        assertProblem(
                "table: customer\nchecks:\n  - not_null: { column: { a: b } }\n",
                "line 3: key 'column' needs a single value, not a mapping");
        assertProblem(
                "table: customer\nchecks:\n  - accepted_values: { column: a, values: [] }\n",
                "key 'values' needs a non-empty list, e.g. [a, b], not a list");
        assertProblem(
                "table: customer\nchecks:\n  - row_count: { min: many }\n",
                "key 'min' needs a whole number of rows, not 'many'");
        assertProblem(
                "table: customer\nchecks: not a list\n",
                "line 2: key 'checks' needs a non-empty list of checks, not 'not a list'");
        assertProblem(
                "table: customer\nchecks:\n  - not_null: email\n",
                "check 'not_null' needs a mapping of keys, e.g. { column: email }, not 'email'");
        assertProblem(
                "table: customer\nchecks:\n  - { not_null: { column: a }, unique: { column: a } }\n",
                "a check is one check type with its keys");
        assertProblem("- just a list\n", "line 1: a suite is a mapping with the keys 'table' and 'checks'");
        assertProblem("", "line 1: a suite is a mapping");
        assertProblem("table: customer\nchecks: [\n", "is not valid YAML");
    }

    @Test
    void shouldRejectBadSeveritiesThresholdsDurationsAndExpressions() {
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, severity: warning }\n",
                "line 3: severity 'warning' is not valid (did you mean 'warn'?); use error or warn");
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, threshold: 'a few' }\n",
                "threshold 'a few' is not a count of rows (e.g. 5) or a percentage (e.g. '1%')");
        assertProblem("table: t\nchecks:\n  - not_null: { column: a, threshold: '120%' }\n", "is more than 100%");
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, threshold: 2.5 }\n", "is not a whole count of rows");
        assertProblem(
                "table: t\nchecks:\n  - freshness: { column: a, maxAge: soon }\n",
                "key 'maxAge': Duration 'soon' is not valid");
        assertProblem(
                "table: t\nchecks:\n  - pattern: { column: a, regex: '[a-' }\n",
                "key 'regex' is not a valid regular expression");
        assertProblem(
                "table: t\nchecks:\n  - range: { column: a, min: soon }\n", "key 'min': 'soon' is neither a number");
        assertProblem(
                "table: t\nchecks:\n  - range: { column: a, min: 0, max: 2020-01-01 }\n", "mixes a number and a date");
        assertProblem("table: t\nchecks:\n  - range: { column: a }\n", "check 'range' needs 'min', 'max' or both");
        assertProblem("table: t\nchecks:\n  - row_count: { min: 5, max: 1 }\n", "has min 5 above max 1");
        assertProblem(
                "table: t\nchecks:\n  - row_count: { min: 1, threshold: 1 }\n",
                "unknown key 'threshold' in check 'row_count'");
    }

    @Test
    void shouldRejectStatementChainingInTrustedSql() {
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, where: \"1=1; DROP TABLE t\" }\n",
                "line 3: key 'where' must be one SQL expression without ';', '--' or '/*' outside quotes");
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, where: \"1=1 -- comment\" }\n",
                "key 'where' must be one SQL expression");
        assertProblem(
                "table: t\nchecks:\n  - sql: { name: x, query: \"SELECT 1; DELETE FROM t\" }\n",
                "key 'query' must be one SQL expression");
        assertProblem(
                "table: t\nchecks:\n  - sql: { name: x, query: \"DELETE FROM t\" }\n",
                "key 'query' must be a SELECT (or WITH ... SELECT) query");
        assertProblem("table: t\nchecks:\n  - sql: { query: \"SELECT 1\" }\n", "check 'sql' needs a 'name'");
        assertProblem(
                "table: t\nchecks:\n  - sql: { name: x, query: \"SELECT 1\", threshold: '1%' }\n",
                "check 'sql' takes a count of rows as threshold, not a percentage");
    }

    @Test
    void shouldAcceptSemicolonsAndCommentMarkersInsideLiteralsAndQuotedNames() {
        write(
                "t.yaml",
                "table: t\nchecks:\n  - not_null: { column: a, where: \"note <> 'a; b -- c /* d' AND \\\"x;y\\\" = 1\" }\n"
                        + "  - sql: { name: s, query: \"SELECT id FROM t WHERE note = 'it''s; --'\" }\n");
        assertThat(CheckSuiteLoader.load(dir).get(0).checks()).hasSize(2);
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, where: \"note = 'open\" }\n",
                "key 'where' must be one SQL expression");
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a, where: \"note = 'x' ; DROP TABLE t\" }\n",
                "key 'where' must be one SQL expression");
    }

    @Test
    void shouldRejectARangeWhoseMinIsAboveItsMax() {
        assertProblem(
                "table: t\nchecks:\n  - range: { column: a, min: 10, max: 2 }\n",
                "check 'range' has min 10 above max 2; swap them");
        assertProblem(
                "table: t\nchecks:\n  - range: { column: a, min: 2024-02-01, max: 2024-01-01 }\n",
                "check 'range' has min 2024-02-01 above max 2024-01-01");
        assertProblem(
                "table: t\nchecks:\n  - range: { column: a, min: now, max: now-1d }\n", "has min now above max now-1d");
    }

    @Test
    void shouldRejectAmbiguousAndDuplicateDeclarations() {
        assertProblem(
                "table: t\nchecks:\n  - not_null: { column: a }\n  - not_null: { column: a }\n",
                "line 4: a second check is named 'not_null_a'; give one of them another 'name'");
        assertProblem("table: t\nchecks:\n  - not_null: { column: a, column: b }\n", "duplicate key 'column'");
        assertProblem(
                "table: t\nchecks:\n  - unique: { column: a, columns: [a, b] }\n",
                "check 'unique' needs either 'column' or 'columns'");
        assertProblem("table: t\nchecks:\n  - unique: { columns: [a, a] }\n", "names a column twice");
        assertProblem("table: t\nchecks:\n  - schema: { columns: }\n", "key 'columns' needs column names");
    }

    @Test
    void shouldReportEveryProblemOfEveryFileAndLoadNothing() {
        // Given one valid and two invalid suites
        write("a.yaml", "table: t\nchecks:\n  - not_null: { column: a }\n");
        write("b.yaml", "table: t\nchecks:\n  - not_null: { colum: a }\n");
        write("c.yml", "table: t\nchecks:\n  - uniqe: { column: a }\n");

        // When they are loaded, Then all problems are listed together
        assertThatThrownBy(() -> CheckSuiteLoader.load(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("3 problems in the check suites:")
                .hasMessageContaining("Check suite 'b.yaml', line 3: unknown key 'colum'")
                .hasMessageContaining("Check suite 'b.yaml', line 3: check 'not_null' needs key 'column'")
                .hasMessageContaining(
                        "Check suite 'c.yml', line 3: unknown check type 'uniqe' (did you mean 'unique'?)");
    }

    @Test
    void shouldRejectTwoFilesWithTheSameSuiteName() {
        write("t.yaml", "table: t\nchecks:\n  - row_count: { min: 1 }\n");
        write("t.yml", "table: t\nchecks:\n  - row_count: { min: 1 }\n");
        assertThatThrownBy(() -> CheckSuiteLoader.load(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Check suites 't.yaml' and 't.yml' have the same name 't'; keep one file per suite.");
    }
}
