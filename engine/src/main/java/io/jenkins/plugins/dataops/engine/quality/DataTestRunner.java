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
 * aggregate query, one query for each check that cannot be folded (composite unique, relationships, sql),
 * schema checks from JDBC metadata, and a bounded sample query for each breached check only.
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
     * @param options sample size and the time of the run
     * @return the report
     * @throws InvalidInputException naming suite file, check and identifier when a table or column does not
     *                               exist or a value does not fit its column
     * @throws DataOpsException      when the database cannot be reached or its metadata read
     */
    public DataTestReport run(final List<CheckSuite> suites, final DataTestOptions options) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        try (Connection connection = target.open()) {
            // a read-only session where the driver enforces it (PostgreSQL: SET SESSION CHARACTERISTICS AS
            // TRANSACTION READ ONLY); H2 ignores the hint, so the suite parser refuses writing SQL up front
            connection.setReadOnly(true);
            List<TablePlan> plans = new CheckPlanner(
                            LiveSchema.read(connection), target.dialect(), options.now(), target.environment())
                    .plan(suites);
            TableRunner runner = new TableRunner(connection, target, options, progress);
            List<CheckResult> results = new ArrayList<>();
            for (TablePlan plan : plans) {
                results.addAll(runner.run(plan));
            }
            DataTestReport report = new DataTestReport(
                    target.environment(),
                    results,
                    runner.scanQueries(),
                    runner.sampleQueries(),
                    CheckSuiteLoader.checksum(suites),
                    started,
                    (System.nanoTime() - start) / 1_000_000);
            progress.info(report.summary());
            return report;
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot read the schema of environment '%s' for the data tests: %s"
                            .formatted(target.environment(), SecretScrubber.scrub(e.getMessage(), target.password())),
                    e);
        }
    }
}
