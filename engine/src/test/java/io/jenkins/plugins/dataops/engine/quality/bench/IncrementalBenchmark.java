package io.jenkins.plugins.dataops.engine.quality.bench;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckSuite;
import io.jenkins.plugins.dataops.engine.quality.CheckSuiteLoader;
import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.DataTestRunner;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares, on one table of a real PostgreSQL server, a full run of an incremental suite (the 20 column checks of
 * {@link DataTestBenchmark} plus a {@code unique} on the key) with an incremental run after 1 % of the rows
 * changed. Each round changes another 1 % of the rows (every 100th, another slice each round), then times a full run
 * and an incremental run from the watermark the previous full run set. Prints the medians and their ratio.
 *
 * <p>Arguments: {@code [rows] [rounds]}, default 5000000 and 5. See {@code docs/benchmarks.md}.</p>
 */
public final class IncrementalBenchmark {
    private static final String TABLE = "facts";

    private IncrementalBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args {@code [rows] [rounds]}
     * @throws Exception when the database or a file fails
     */
    public static void main(final String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PostgresServer server = PostgresServer.get();
        String database = server.createDatabase("incbench");
        DatabaseTarget target = new DatabaseTarget(
                "bench", server.jdbcUrl(database), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
        try (Connection connection = target.open()) {
            load(connection, rows);
            List<CheckSuite> suites = CheckSuiteLoader.load(writeSuite(true));
            // without row_count and freshness, which read the whole table in an incremental run too
            List<CheckSuite> rowLevel = CheckSuiteLoader.load(writeSuite(false));
            DataTestRunner runner = new DataTestRunner(target, ProgressListener.NONE);
            DataTestOptions options = new DataTestOptions(5, Instant.now());
            String watermark = runner.run(suites, options).watermarks().get(0).upTo();
            List<Long> full = new ArrayList<>();
            List<Long> incremental = new ArrayList<>();
            List<Long> rowLevelOnly = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                change(connection, round);
                long start = System.nanoTime();
                DataTestReport whole = runner.run(suites, options);
                full.add((System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                DataTestReport changed = runner.run(suites, options.withWatermarks(Map.of(TABLE, watermark)));
                incremental.add((System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                runner.run(rowLevel, options.withWatermarks(Map.of(TABLE, watermark)));
                rowLevelOnly.add((System.nanoTime() - start) / 1_000_000);
                verify(whole, changed, rows);
                watermark = whole.watermarks().get(0).upTo();
                System.out.printf(
                        Locale.ROOT,
                        "round %d: full=%d ms, incremental=%d ms, incremental without whole-table checks=%d ms"
                                + " (%d changed rows checked)%n",
                        round + 1,
                        full.get(round),
                        incremental.get(round),
                        rowLevelOnly.get(round),
                        checkedRows(changed, "not_null_id"));
            }
            long mf = median(full);
            long mi = median(incremental);
            System.out.printf(
                    Locale.ROOT,
                    "%n%,d rows, %d checks, 1%% changed per round, median of %d rounds:%n",
                    rows,
                    DataTestBenchmark.CHECKS.length + 1,
                    rounds);
            System.out.printf(Locale.ROOT, "full run:        %6d ms%n", mf);
            System.out.printf(Locale.ROOT, "incremental run: %6d ms%n", mi);
            long mr = median(rowLevelOnly);
            System.out.printf(Locale.ROOT, "incremental run without row_count and freshness: %6d ms%n", mr);
            System.out.printf(Locale.ROOT, "incremental / full = %.3f (target <= 0.1)%n", (double) mi / mf);
            System.out.printf(Locale.ROOT, "without whole-table checks / full = %.3f%n", (double) mr / mf);
        }
    }

    /** Changes 1 % of the rows: a later {@code updated_at} and a new amount, as an application's update would. */
    private static void change(final Connection connection, final int round) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // each round's values are newer than every earlier one, as a clock's would be
            s.execute("UPDATE " + TABLE + " SET updated_at = TIMESTAMP '2026-01-01' + " + round
                    + " * INTERVAL '1 day' + id * INTERVAL '1 millisecond', amount = amount + 1 WHERE id % 100 = "
                    + (1 + round % 99));
            s.execute("VACUUM ANALYZE " + TABLE);
        }
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
                    + " DATE '1950-01-01' + (g % 18000)::int AS born,"
                    + " TIMESTAMP '2025-01-01' + g * INTERVAL '1 millisecond' AS updated_at"
                    + " FROM generate_series(1, " + rows + ") g");
            // what a table with incremental checks has: a key and an index on the column that grows
            s.execute("ALTER TABLE " + TABLE + " ADD PRIMARY KEY (id)");
            s.execute("CREATE INDEX facts_updated_at ON " + TABLE + " (updated_at)");
            s.execute("VACUUM ANALYZE " + TABLE);
        }
        System.out.printf(Locale.ROOT, "Loaded %,d rows in %d s%n", rows, (System.nanoTime() - start) / 1_000_000_000);
    }

    private static Path writeSuite(final boolean wholeTableChecks) throws java.io.IOException {
        Path dir = Files.createTempDirectory("dataops-incremental-bench");
        StringBuilder yaml = new StringBuilder("table: " + TABLE + "\nincremental: { column: updated_at }\nchecks:\n");
        for (String[] check : DataTestBenchmark.CHECKS) {
            if (wholeTableChecks || !check[0].matches("(row_count|freshness):.*")) {
                yaml.append("  - ").append(check[0]).append('\n');
            }
        }
        yaml.append("  - unique: { column: id }\n");
        Files.writeString(dir.resolve(TABLE + ".yaml"), yaml);
        dir.toFile().deleteOnExit();
        dir.resolve(TABLE + ".yaml").toFile().deleteOnExit();
        return dir;
    }

    private static void verify(final DataTestReport full, final DataTestReport changed, final long rows) {
        if (full.isIncremental()
                || !changed.isIncremental()
                || checkedRows(full, "not_null_id") != rows
                || checkedRows(changed, "not_null_id") != rows / 100) {
            throw new IllegalStateException("The full run should check every row and the incremental run 1 %: "
                    + full.summary() + " / " + changed.summary() + " " + changed.results());
        }
    }

    private static long checkedRows(final DataTestReport report, final String check) {
        return report.results().stream()
                .filter(r -> r.name().equals(check))
                .mapToLong(CheckResult::checkedRows)
                .findFirst()
                .orElse(-1);
    }

    private static long median(final List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
