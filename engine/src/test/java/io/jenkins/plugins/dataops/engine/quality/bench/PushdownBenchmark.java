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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Issue 13's comparison on one table of a real PostgreSQL server, 20 checks including one {@code unique} and one
 * regular expression: (a) the data test runner (default threads), (a1) the runner on one connection, (b) one
 * query per check, sequentially, (b4) one query per check over 4 connections (dbt with {@code threads: 4}),
 * (c) a bare {@code SELECT count(*)}, (d1) one hand-written scan of every check, the duplicate count folded in as
 * {@code COUNT(DISTINCT)}, (d2) one hand-written parallel scan of the other 19 beside the duplicate count as a
 * {@code GROUP BY} on a second connection. Prints the medians and the ratios; run by hand, never by the build.
 *
 * <p>Arguments: {@code [rows] [repeats]}, default 5000000 and 5. See {@code docs/benchmarks.md}.</p>
 */
public final class PushdownBenchmark {
    private static final String TABLE = "facts";
    private static final String UNIQUE_SQL = "SELECT count(*) FROM (SELECT email FROM facts WHERE email IS NOT NULL"
            + " GROUP BY email HAVING count(*) > 1) d";

    /** The 20 checks: the suite YAML line and the equivalent stand-alone query (dbt style: count failing rows). */
    private static final String[][] CHECKS = {
        {"row_count: { min: 1 }", "SELECT count(*) FROM facts"},
        {"not_null: { column: id }", "SELECT count(*) FROM facts WHERE id IS NULL"},
        {"not_null: { column: customer_id }", "SELECT count(*) FROM facts WHERE customer_id IS NULL"},
        {"not_null: { column: email, threshold: '2%' }", "SELECT count(*) FROM facts WHERE email IS NULL"},
        {"unique: { column: email }", UNIQUE_SQL},
        {
            "pattern: { column: email, regex: '^[^@]+@[^@]+$' }",
            "SELECT count(*) FROM facts WHERE email IS NOT NULL AND NOT (email ~ '^[^@]+@[^@]+$')"
        },
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

    private PushdownBenchmark() {}

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
        String database = server.createDatabase("pushdown");
        DatabaseTarget target = new DatabaseTarget(
                "bench", server.jdbcUrl(database), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
        List<Connection> four = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Connection connection = target.open()) {
            System.out.println("PostgreSQL " + value(connection, "SHOW server_version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, max_parallel_workers_per_gather="
                    + value(connection, "SHOW max_parallel_workers_per_gather") + ", work_mem="
                    + value(connection, "SHOW work_mem"));
            load(connection, rows);
            for (int i = 0; i < 4; i++) {
                four.add(target.open());
            }
            List<CheckSuite> suites = CheckSuiteLoader.load(writeSuite());
            DataTestRunner runner = new DataTestRunner(target, ProgressListener.NONE);
            DataTestOptions options = new DataTestOptions(5, Instant.now());
            List<String> separate =
                    java.util.Arrays.stream(CHECKS).map(c -> c[1]).toList();
            String folded = handWritten(true);
            String parallel = handWritten(false);
            Map<String, LongSupplier> variants = new LinkedHashMap<>();
            variants.put("(a)  runner, default threads (4)", () -> time(() -> verify(runner.run(suites, options))));
            variants.put(
                    "(a1) runner, 1 connection", () -> time(() -> verify(runner.run(suites, options.withThreads(1)))));
            variants.put(
                    "(b)  one query per check, 1 connection",
                    () -> time(() -> {
                        for (String sql : separate) {
                            value(connection, sql);
                        }
                    }));
            variants.put(
                    "(b4) one query per check, 4 connections", () -> time(() -> concurrently(threads, four, separate)));
            variants.put("(c)  SELECT count(*)", () -> time(() -> value(connection, "SELECT count(*) FROM " + TABLE)));
            variants.put(
                    "(d1) hand-written, 1 scan incl. COUNT(DISTINCT)", () -> time(() -> value(connection, folded)));
            variants.put(
                    "(d2) hand-written, parallel scan + GROUP BY beside it",
                    () -> time(() -> concurrently(threads, four, List.of(parallel, UNIQUE_SQL))));
            measure(rows, repeats, variants);
        } finally {
            threads.shutdownNow();
            for (Connection c : four) {
                c.close();
            }
        }
    }

    private static void concurrently(
            final ExecutorService threads, final List<Connection> connections, final List<String> queries)
            throws SQLException {
        List<Future<String>> futures = new ArrayList<>();
        java.util.concurrent.BlockingQueue<Connection> idle =
                new java.util.concurrent.LinkedBlockingQueue<>(connections);
        for (String sql : queries) {
            futures.add(threads.submit(() -> {
                Connection c = idle.take();
                try {
                    return value(c, sql);
                } finally {
                    idle.add(c);
                }
            }));
        }
        for (Future<String> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new SQLException(e);
            }
        }
    }

    private static void measure(final long rows, final int repeats, final Map<String, LongSupplier> variants) {
        System.out.println("Warming up (one run of each) ...");
        variants.values().forEach(LongSupplier::getAsLong);
        Map<String, List<Long>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int i = 0; i < repeats; i++) {
            StringBuilder line = new StringBuilder("run " + (i + 1) + ":");
            variants.forEach((name, v) -> {
                long ms = v.getAsLong();
                times.get(name).add(ms);
                line.append(' ').append(name, 0, 4).append('=').append(ms);
            });
            System.out.println(line);
        }
        System.out.printf(
                Locale.ROOT, "%n%,d rows, %d checks, %d runs: median / fastest (ms)%n", rows, CHECKS.length, repeats);
        Map<String, Long> median = new LinkedHashMap<>();
        times.forEach((name, t) -> {
            median.put(name.substring(0, 4).trim(), median(t));
            System.out.printf(Locale.ROOT, "%-55s %7d %7d%n", name, median(t), Collections.min(t));
        });
        long a = median.get("(a)");
        long d = Math.min(median.get("(d1)"), median.get("(d2)"));
        System.out.printf(
                Locale.ROOT,
                "a/d = %.2f (target <= 1.1), b/a = %.2f (target >= 3), b4/a = %.2f (target >= 1.5), a/c = %.1f,"
                        + " a1/a = %.2f%n",
                (double) a / d,
                (double) median.get("(b)") / a,
                (double) median.get("(b4)") / a,
                (double) a / median.get("(c)"),
                (double) median.get("(a1)") / a);
    }

    /** One aggregate of the checks' predicates, with or without the duplicate count folded in. */
    private static String handWritten(final boolean withDistinct) {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (String[] check : CHECKS) {
            String q = check[1];
            if (UNIQUE_SQL.equals(q)) {
                if (withDistinct) {
                    sql.append(", count(email) - count(DISTINCT email)");
                }
            } else if (q.contains(" WHERE ")) {
                sql.append(", count(*) FILTER (WHERE ")
                        .append(q.substring(q.indexOf(" WHERE ") + 7))
                        .append(')');
            } else {
                sql.append(", ").append(q, "SELECT ".length(), q.indexOf(" FROM "));
            }
        }
        return sql.append(" FROM ").append(TABLE).toString();
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
        if (report.results().size() != CHECKS.length || report.worstStatus() != CheckStatus.PASS) {
            throw new IllegalStateException(
                    "The benchmark suite should pass: " + report.summary() + " " + report.results());
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
