package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner keeps a table's scan parallel on a real PostgreSQL server, and a run over several connections
 * reports exactly what a run over one reports, in the same order.
 */
class ParallelDataTestsPostgresITest {
    private static final Instant NOW = Instant.parse("2024-01-10T12:00:00Z");
    private static final String FACTS = """
            table: facts
            checks:
              - sql: { name: slow_first, query: "SELECT a.id FROM facts a CROSS JOIN generate_series(1, 100) AS g(n) WHERE a.id + g.n < 0" }
              - not_null: { column: email }
              - unique: { column: email }
              - unique: { column: id }
              - accepted_values: { column: status, values: [new, paid] }
              - range: { column: amount, min: 0, max: 900 }
              - pattern: { column: email, regex: '@example[.]com$' }
              - relationships: { column: dim_id, to: dims, field: id }
              - not_null: { column: email, where: "no_such_column = 1", name: bad_filter }
              - sql: { name: divides_by_zero, query: "SELECT id FROM facts WHERE id / (id - id) > 0" }
              - row_count: { min: 1 }
            """;
    private static final String DIMS = """
            table: dims
            checks:
              - unique: { column: name }
              - not_null: { column: name }
            """;

    private static DatabaseTarget target;

    @TempDir
    Path checks;

    @BeforeAll
    static void createTables() throws SQLException {
        PostgresServer server = PostgresServer.get();
        String database = server.createDatabase("parallel");
        target = new DatabaseTarget(
                "qat", server.jdbcUrl(database), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dims (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO dims SELECT g, 'dim' || (g % 8) FROM generate_series(1, 10) g");
            s.execute("CREATE TABLE facts (id BIGINT, email TEXT, status VARCHAR(10), amount NUMERIC(12,2),"
                    + " dim_id INT)");
            // 20,000 rows: every 1000th e-mail NULL, every 500th a duplicate, 3 unknown statuses, 2 orphans
            s.execute("INSERT INTO facts SELECT g,"
                    + " CASE WHEN g % 1000 = 0 THEN NULL WHEN g % 500 = 0 THEN 'dup@example.com'"
                    + " ELSE 'user' || g || '@example.com' END,"
                    + " CASE WHEN g IN (7, 8, 9) THEN 'lost' WHEN g % 2 = 0 THEN 'paid' ELSE 'new' END,"
                    + " (g % 1000) + 0.5, CASE WHEN g IN (11, 12) THEN 99 ELSE g % 10 + 1 END"
                    + " FROM generate_series(1, 20000) g");
            s.execute("ANALYZE facts");
            s.execute("ANALYZE dims");
        }
    }

    @Test
    void shouldPlanTheTableScanSoThatPostgresCanRunItWithParallelWorkers() throws Exception {
        // Given a suite whose checks include duplicate counts, planned against the live schema
        TablePlan plan = plan(FACTS.lines()
                .filter(line -> !line.contains("bad_filter") && !line.contains("divides_by_zero"))
                .collect(java.util.stream.Collectors.joining("\n")));

        // When PostgreSQL explains the table's scan with parallel query made cheap on this small table
        List<String> scan;
        List<String> duplicates;
        try (Connection c = target.open()) {
            cheapParallelism(c);
            SqlCompiler compiler = new SqlCompiler(target.dialect(), NOW);
            scan = explain(c, compiler.aggregate(plan.table(), plan.scanMembers()));
            PlannedCheck unique = plan.checks().get(2);
            duplicates = explain(c, compiler.own(plan.table(), unique));
        }

        // Then the scan is gathered from parallel workers, the duplicate counts are not folded into it, and
        // their own query is a GROUP BY, which can run in parallel too
        assertThat(scan).anyMatch(line -> line.contains("Gather")).anyMatch(line -> line.contains("Partial"));
        assertThat(String.join("\n", scan)).doesNotContainIgnoringCase("distinct");
        assertThat(plan.checks().get(2).mode()).isEqualTo(PlannedCheck.Mode.OWN_QUERY);
        assertThat(duplicates).anyMatch(line -> line.contains("Gather"));
    }

    @Test
    void shouldReportTheSameResultsInSuiteOrderWithOneOrManyConnections() throws IOException {
        // Given two suites, one whose first check is a slow query (a cross join), so that with several connections
        // it finishes after the others, with a query the database rejects and one that fails while it runs
        Files.writeString(checks.resolve("facts.yaml"), FACTS);
        Files.writeString(checks.resolve("dims.yaml"), DIMS);
        List<CheckSuite> suites = CheckSuiteLoader.load(checks);

        // When they run on one connection and on four
        DataTestReport one =
                new DataTestRunner(target, ProgressListener.NONE).run(suites, new DataTestOptions(3, NOW, 1));
        List<String> lines = new ArrayList<>();
        DataTestReport four = new DataTestRunner(target, recording(lines)).run(suites, new DataTestOptions(3, NOW, 4));

        // Then every count, status, message and sample is the same, in suite order
        assertThat(project(four)).isEqualTo(project(one));
        assertThat(four.results())
                .extracting(CheckResult::name)
                .containsExactly(
                        "unique_name",
                        "not_null_name",
                        "slow_first",
                        "not_null_email",
                        "unique_email",
                        "unique_id",
                        "accepted_values_status",
                        "range_amount",
                        "pattern_email",
                        "relationships_dim_id",
                        "bad_filter",
                        "divides_by_zero",
                        "row_count");
        assertThat(four.scanQueries()).isEqualTo(one.scanQueries());
        assertThat(four.sampleQueries()).isEqualTo(one.sampleQueries());
        // And the numbers are the truths of the data
        Map<String, CheckResult> r = AbstractDataTestRunnerTest.byName(four);
        assertThat(r.get("not_null_email").failingRows()).isEqualTo(20);
        assertThat(r.get("unique_email").failingRows())
                .as("20 copies of one address: 19 surplus")
                .isEqualTo(19);
        assertThat(r.get("unique_email").sample()).singleElement().satisfies(row -> {
            // dup@example.com, masked: its length and a per-run id
            assertThat(row.get("email")).startsWith("[masked: 15 chars, id ").doesNotContain("dup");
            assertThat(row).containsEntry("duplicates", "20");
        });
        assertThat(r.get("unique_name").failingRows())
                .as("10 names over 8 values")
                .isEqualTo(2);
        assertThat(r.get("accepted_values_status").failingRows()).isEqualTo(3);
        assertThat(r.get("relationships_dim_id").failingRows()).isEqualTo(2);
        assertThat(r.get("range_amount").failingRows())
                .as("amounts 900.5 to 999.5")
                .isEqualTo(20 * 100);
        // And a failing query fails only its own checks
        assertThat(r.get("bad_filter").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.get("divides_by_zero").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.get("divides_by_zero").message()).contains("division by zero");
        assertThat(four.results())
                .filteredOn(c -> !List.of("bad_filter", "divides_by_zero").contains(c.name()))
                .allSatisfy(c -> assertThat(c.status()).isNotEqualTo(CheckStatus.ERROR));
        assertThat(lines).noneMatch(line -> line.contains("refused another connection"));
    }

    private static List<String> project(final DataTestReport report) {
        return report.results().stream()
                .map(c -> String.join(
                        " | ",
                        c.suite(),
                        c.table(),
                        c.name(),
                        c.status().key(),
                        c.observed(),
                        c.threshold(),
                        String.valueOf(c.failingRows()),
                        String.valueOf(c.checkedRows()),
                        c.message(),
                        // a masked value's id is keyed per run: equal within a run, not across runs
                        String.valueOf(c.sample()).replaceAll(", id [0-9a-f]{12}]", ", id ...]")))
                .toList();
    }

    private TablePlan plan(final String suite) throws IOException, SQLException {
        Files.writeString(checks.resolve("facts.yaml"), suite);
        try (Connection c = target.open()) {
            return new CheckPlanner(LiveSchema.read(c), target.dialect(), NOW, target.environment())
                    .plan(CheckSuiteLoader.load(checks))
                    .get(0);
        }
    }

    private static void cheapParallelism(final Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET max_parallel_workers_per_gather = 2");
            s.execute("SET parallel_setup_cost = 0");
            s.execute("SET parallel_tuple_cost = 0");
            s.execute("SET min_parallel_table_scan_size = 0");
        }
    }

    private static List<String> explain(final Connection c, final CompiledQuery query) throws SQLException {
        QueryTasks tasks = new QueryTasks(target, new DataTestOptions(0, NOW));
        List<String> plan = new ArrayList<>();
        try (PreparedStatement statement =
                        tasks.prepare(c, new CompiledQuery("EXPLAIN " + query.sql(), query.binds()));
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        return plan;
    }

    private static ProgressListener recording(final List<String> lines) {
        return new ProgressListener() {
            @Override
            public void info(final String message) {
                lines.add("info: " + message);
            }

            @Override
            public void warn(final String message) {
                lines.add("warn: " + message);
            }

            @Override
            public void error(final String message) {
                lines.add("error: " + message);
            }
        };
    }
}
