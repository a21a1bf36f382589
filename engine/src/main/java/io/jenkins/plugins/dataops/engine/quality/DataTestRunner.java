package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs check suites against an environment's database, pushed down: all column checks of a table in one
 * aggregate query (which PostgreSQL can run with parallel workers), one query for each check that cannot be folded
 * without losing that (unique) or at all (relationships, sql), schema checks from JDBC metadata, and a bounded
 * sample query for each breached check only. Independent queries run at once over a bounded pool of connections
 * ({@link DataTestOptions#threadsFor}).
 *
 * <pre>{@code
 * List<CheckSuite> suites = CheckSuiteLoader.load(productDir.resolve("checks"));
 * DataTestReport report = new DataTestRunner(target, progress).run(suites, DataTestOptions.defaults());
 * if (report.isBreached(FailOn.ERROR)) { ... }
 * }</pre>
 */
public final class DataTestRunner {
    private final DatabaseTarget target;
    private final ProgressListener progress;

    /**
     * Creates a runner.
     *
     * @param target   the environment's database
     * @param progress where progress lines go (one per table and one per check)
     */
    public DataTestRunner(final DatabaseTarget target, final ProgressListener progress) {
        this.target = Objects.requireNonNull(target, "target");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs the suites. Every identifier of every suite is matched against the live schema first; nothing runs
     * when one does not match. A check whose query the database rejects gets status ERROR; the others still
     * run. The caller decides what breaks the build, with {@link DataTestReport#breaches(FailOn)}.
     *
     * @param suites  the suites, e.g. from {@link CheckSuiteLoader#load(java.nio.file.Path)}
     * @param options sample size, the time of the run and how many queries run at once
     * @return the report
     * @throws InvalidInputException naming suite file, check and identifier when a table or column does not
     *                               exist or a value does not fit its column
     * @throws DataOpsException      when the database cannot be reached or its metadata read
     */
    public DataTestReport run(final List<CheckSuite> suites, final DataTestOptions options) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        try (Connection connection = target.open()) {
            ReadOnlySession.enter(connection, target.dialect());
            List<TablePlan> plans = new CheckPlanner(
                            LiveSchema.read(connection),
                            target.dialect(),
                            options.now(),
                            target.environment(),
                            options.watermarks())
                    .plan(suites);
            ReadOnlySession.endQuery(connection);
            int threads = options.threadsFor(target.dialect());
            List<CheckResult> results = new ArrayList<>();
            TableRunner runner;
            try (QueryPool pool = new QueryPool(target, connection, threads, progress)) {
                runner = new TableRunner(pool, target, options, progress);
                for (List<TablePlan> batch : batches(plans, threads)) {
                    results.addAll(runner.run(batch));
                }
            }
            DataTestReport report = new DataTestReport(
                    target.environment(),
                    results,
                    runner.scanQueries(),
                    runner.sampleQueries(),
                    CheckSuiteLoader.checksum(suites),
                    started,
                    (System.nanoTime() - start) / 1_000_000,
                    runner.ranges());
            progress.info(report.summary());
            return report;
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot read the schema of environment '%s' for the data tests: %s"
                            .formatted(target.environment(), SecretScrubber.scrub(e.getMessage(), target.password())),
                    e);
        }
    }

    /**
     * Groups the plans for execution: one table after the other on one connection, so the console shows each
     * table's results as they come; all tables at once over several connections, so the pool stays busy.
     */
    private static List<List<TablePlan>> batches(final List<TablePlan> plans, final int threads) {
        if (threads > 1) {
            return List.of(plans);
        }
        return plans.stream().map(List::of).toList();
    }
}
