package io.jenkins.plugins.dataops.engine.quality.bench;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.CheckSuite;
import io.jenkins.plugins.dataops.engine.quality.CheckSuiteLoader;
import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.DataTestRunner;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Compares, on one table of a real PostgreSQL server, (a) the data test runner with 20 column checks folded
 * into one scan, (b) the same 20 checks as one query each (the way dbt runs tests), (c) a bare
 * {@code SELECT count(*)}, the floor of any full scan, and (d) one count whose WHERE ORs the 20 failing-row
 * predicates, the least any single scan that evaluates them can cost. Prints the medians and the ratios.
 *
 * <p>Arguments: {@code [rows] [repeats]}, default 5000000 and 5. See {@code docs/benchmarks.md} for
 * the command and the numbers.</p>
 */
public final class DataTestBenchmark {
    private static final String TABLE = "facts";

    /** The 20 checks: the suite YAML line and the equivalent stand-alone query (dbt style: count failing rows). */
    static final String[][] CHECKS = {
        {"row_count: { min: 1 }", "SELECT count(*) FROM facts"},
        {"not_null: { column: id }", "SELECT count(*) FROM facts WHERE id IS NULL"},
        {"not_null: { column: customer_id }", "SELECT count(*) FROM facts WHERE customer_id IS NULL"},
        {"not_null: { column: email, threshold: '2%' }", "SELECT count(*) FROM facts WHERE email IS NULL"},
        {"not_null: { column: country }", "SELECT count(*) FROM facts WHERE country IS NULL"},
        {"not_null: { column: created_at }", "SELECT count(*) FROM facts WHERE created_at IS NULL"},
        {
            "accepted_values: { column: country, values: [GB, US, FI, DE] }",
            "SELECT count(*) FROM facts WHERE country IS NOT NULL AND country NOT IN ('GB', 'US', 'FI', 'DE')"
        },
        {
            "accepted_values: { column: status, values: [active, inactive, prospect] }",
            "SELECT count(*) FROM facts WHERE status IS NOT NULL AND status NOT IN ('active', 'inactive', 'prospect')"
        },
        {
            "accepted_values: { column: currency, values: [EUR, USD, GBP] }",
            "SELECT count(*) FROM facts WHERE currency IS NOT NULL AND currency NOT IN ('EUR', 'USD', 'GBP')"
        },
        {
            "range: { column: points, min: 0, max: 10000 }",
            "SELECT count(*) FROM facts WHERE points IS NOT NULL AND (points < 0 OR points > 10000)"
        },
        {"range: { column: amount, min: 0 }", "SELECT count(*) FROM facts WHERE amount IS NOT NULL AND amount < 0"},
        {
            "range: { column: amount, max: 1000, severity: warn, threshold: '1%', name: amount_plausible }",
            "SELECT count(*) FROM facts WHERE amount IS NOT NULL AND amount > 1000"
        },
        {
            "range: { column: quantity, min: 1, max: 100 }",
            "SELECT count(*) FROM facts WHERE quantity IS NOT NULL AND (quantity < 1 OR quantity > 100)"
        },
        {
            "range: { column: customer_id, min: 0, max: 999 }",
            "SELECT count(*) FROM facts WHERE customer_id IS NOT NULL AND (customer_id < 0 OR customer_id > 999)"
        },
        {
            "range: { column: born, min: 1900-01-01, max: now }",
            "SELECT count(*) FROM facts WHERE born IS NOT NULL AND (born < DATE '1900-01-01' OR born > now())"
        },
        {
            "range: { column: created_at, min: 2020-01-01, max: now }",
            "SELECT count(*) FROM facts WHERE created_at IS NOT NULL"
                    + " AND (created_at < TIMESTAMP '2020-01-01' OR created_at > now())"
        },
        {
            "range: { column: points, min: 0, where: \"status = 'active'\", name: active_have_points }",
            "SELECT count(*) FROM facts WHERE status = 'active' AND points IS NOT NULL AND points < 0"
        },
        {
            "not_null: { column: email, where: \"status = 'active'\", threshold: '2%', name: active_have_email }",
            "SELECT count(*) FROM facts WHERE status = 'active' AND email IS NULL"
        },
        {"freshness: { column: created_at, maxAge: 3650d }", "SELECT max(created_at) FROM facts"},
        {"freshness: { column: ordered_at, maxAge: 3650d }", "SELECT max(ordered_at) FROM facts"},
    };

    private DataTestBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code [rows] [repeats]}
     * @throws Exception when the database or a file fails
     */
    public static void main(final String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PostgresServer server = PostgresServer.get();
        String database = server.createDatabase("bench");
        DatabaseTarget target = new DatabaseTarget(
                "bench", server.jdbcUrl(database), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
        String settings = System.getProperty("bench.settings", "");
        for (String setting : settings.split(",")) {
            if (!setting.isBlank()) {
                String[] kv = setting.split("=", 2);
                server.execute("ALTER DATABASE " + database + " SET " + kv[0].trim() + " = " + kv[1].trim());
            }
        }
        try (Connection connection = target.open()) {
            print("PostgreSQL " + value(connection, "SHOW server_version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, max_parallel_workers_per_gather="
                    + value(connection, "SHOW max_parallel_workers_per_gather") + ", jit="
                    + value(connection, "SHOW jit"));
            load(connection, rows);
            List<CheckSuite> suites = CheckSuiteLoader.load(writeSuite());
            DataTestRunner runner = new DataTestRunner(target, ProgressListener.NONE);
            DataTestOptions options = new DataTestOptions(5, Instant.now());
            LongSupplier folded = () -> time(() -> verify(runner.run(suites, options)));
            LongSupplier separate = () -> time(() -> {
                for (String[] check : CHECKS) {
                    value(connection, check[1]);
                }
            });
            if (Boolean.getBoolean("bench.explain")) {
                explain(connection);
            }
            LongSupplier floor = () -> time(() -> value(connection, "SELECT count(*) FROM " + TABLE));
            String predicates = predicatesOnly();
            LongSupplier evaluation = () -> time(() -> value(connection, predicates));
            measure(rows, repeats, List.of(folded, separate, floor, evaluation));
        }
    }

    private static void measure(final long rows, final int repeats, final List<LongSupplier> variants) {
        System.out.println("Warming up (one run of each) ...");
        long warmUpNanos = variants.stream().mapToLong(LongSupplier::getAsLong).sum();
        System.out.printf("Warm-up took %d ms.%n", warmUpNanos / 1_000_000);
        List<List<Long>> times = new ArrayList<>();
        variants.forEach(v -> times.add(new ArrayList<>()));
        for (int i = 0; i < repeats; i++) {
            for (int v = 0; v < variants.size(); v++) {
                times.get(v).add(variants.get(v).getAsLong());
            }
            System.out.printf(
                    Locale.ROOT,
                    "run %d: a=%d ms, b=%d ms, c=%d ms, d=%d ms%n",
                    i + 1,
                    times.get(0).get(i),
                    times.get(1).get(i),
                    times.get(2).get(i),
                    times.get(3).get(i));
        }
        long ma = median(times.get(0));
        long mb = median(times.get(1));
        long mc = median(times.get(2));
        long md = median(times.get(3));
        System.out.printf(Locale.ROOT, "%n%,d rows, %d checks, median of %d runs:%n", rows, CHECKS.length, repeats);
        System.out.printf(Locale.ROOT, "(a) runner, one scan:                      %6d ms%n", ma);
        System.out.printf(Locale.ROOT, "(b) one query per check:                   %6d ms%n", mb);
        System.out.printf(Locale.ROOT, "(c) SELECT count(*):                       %6d ms%n", mc);
        System.out.printf(Locale.ROOT, "(d) the checks' predicates, OR'd, 1 scan:  %6d ms%n", md);
        System.out.printf(
                Locale.ROOT,
                "a/c = %.2f (target <= 1.3), b/a = %.1f (target >= 10), a/d = %.2f%n",
                (double) ma / mc,
                (double) mb / ma,
                (double) ma / md);
        long[] best = times.stream().mapToLong(t -> Collections.min(t)).toArray();
        System.out.printf(
                Locale.ROOT,
                "fastest runs (least disturbed by other load): a=%d, b=%d, c=%d, d=%d ms; "
                        + "a/c = %.2f, b/a = %.1f, a/d = %.2f%n",
                best[0],
                best[1],
                best[2],
                best[3],
                (double) best[0] / best[2],
                (double) best[1] / best[0],
                (double) best[0] / best[3]);
    }

    /**
     * Returns one count query whose WHERE is every check's failing predicate OR'd: on passing data the database
     * must evaluate all of them on every row, without any aggregate. It is the least a single scan that
     * evaluates these checks can cost.
     */
    private static String predicatesOnly() {
        StringBuilder ors = new StringBuilder("SELECT count(*) FROM " + TABLE + " WHERE false");
        for (String[] check : CHECKS) {
            if (check[1].contains(" WHERE ")) {
                ors.append(" OR (")
                        .append(check[1].substring(check[1].indexOf(" WHERE ") + 7))
                        .append(')');
            }
        }
        return ors.toString();
    }

    private static void load(final Connection connection, final long rows) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " AS SELECT g AS id, g % 1000 AS customer_id,"
                    + " CASE WHEN g % 100 = 0 THEN NULL ELSE 'user' || g || '@example.com' END AS email,"
                    + " (ARRAY['GB','US','FI','DE'])[1 + g % 4]::char(2) AS country,"
                    + " (ARRAY['active','inactive','prospect'])[1 + g % 3]::varchar(20) AS status,"
                    + " (ARRAY['EUR','USD','GBP'])[1 + g % 3]::char(3) AS currency,"
                    + " (g % 10000)::int AS points, 1 + (g % 100)::int AS quantity,"
                    + " ((g % 100000) / 100.0)::numeric(12,2) AS amount,"
                    + " TIMESTAMP '2024-01-01' + (g % 1000000) * INTERVAL '1 second' AS created_at,"
                    + " TIMESTAMP '2024-02-01' + (g % 1000000) * INTERVAL '1 second' AS ordered_at,"
                    + " DATE '1950-01-01' + (g % 18000)::int AS born"
                    + " FROM generate_series(1, " + rows + ") g");
            // sets hint bits and the visibility map, and gives the planner statistics: every variant scans a
            // settled table
            s.execute("VACUUM ANALYZE " + TABLE);
        }
        System.out.printf(
                Locale.ROOT,
                "Loaded %,d rows (%s) in %d s%n",
                rows,
                value(connection, "SELECT pg_size_pretty(pg_table_size('" + TABLE + "'))"),
                (System.nanoTime() - start) / 1_000_000_000);
    }

    private static Path writeSuite() throws java.io.IOException {
        Path dir = Files.createTempDirectory("dataops-bench-checks");
        StringBuilder yaml = new StringBuilder("table: " + TABLE + "\nchecks:\n");
        for (String[] check : CHECKS) {
            yaml.append("  - ").append(check[0]).append('\n');
        }
        Files.writeString(dir.resolve(TABLE + ".yaml"), yaml);
        dir.toFile().deleteOnExit();
        dir.resolve(TABLE + ".yaml").toFile().deleteOnExit();
        return dir;
    }

    private static void verify(final DataTestReport report) {
        if (report.scanQueries() != 1
                || report.results().size() != CHECKS.length
                || report.worstStatus() != CheckStatus.PASS) {
            throw new IllegalStateException(
                    "The benchmark suite should pass in one scan query: " + report.summary() + " " + report.results());
        }
    }

    private static long time(final SqlRunnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String value(final Connection connection, final String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void print(final String line) {
        System.out.println(line);
    }

    /** Prints the plan of the folded query, written from the stand-alone ones (literals instead of binds). */
    private static void explain(final Connection connection) throws SQLException {
        StringBuilder sql = new StringBuilder("EXPLAIN (ANALYZE, VERBOSE, BUFFERS) SELECT count(*)");
        for (String[] check : CHECKS) {
            String q = check[1];
            sql.append(", ")
                    .append(
                            q.contains(" WHERE ")
                                    ? "count(*) FILTER (WHERE " + q.substring(q.indexOf(" WHERE ") + 7) + ")"
                                    : q.substring("SELECT ".length(), q.indexOf(" FROM ")));
        }
        sql.append(" FROM ").append(TABLE);
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
    }

    private static long median(final List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Work that may throw an SQLException. */
    @FunctionalInterface
    private interface SqlRunnable {
        void run() throws SQLException;
    }
}
