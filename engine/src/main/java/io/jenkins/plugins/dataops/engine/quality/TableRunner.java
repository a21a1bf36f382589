package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the plans of a batch of tables: first their aggregate scans and the checks with their own query, all
 * independent of each other and run over the pool's connections at once; then a bounded sample query for each
 * breached check, also over the pool; then the results, in suite order whatever order the queries finished in.
 * Schema checks are read from metadata. Counts every query it issues.
 */
final class TableRunner {
    private final QueryPool pool;
    private final QueryTasks queries;
    private final CheckEvaluator evaluator;
    private final DataTestOptions options;
    private final ProgressListener progress;
    private final QueryOutcome totals = new QueryOutcome();
    private final List<WatermarkRange> ranges = new ArrayList<>();

    TableRunner(
            final QueryPool pool,
            final DatabaseTarget target,
            final DataTestOptions options,
            final ProgressListener progress) {
        this.pool = pool;
        this.queries = new QueryTasks(target, options, PiiMask.forRun());
        this.evaluator = new CheckEvaluator(options.now(), target.dialect());
        this.options = options;
        this.progress = progress;
    }

    int scanQueries() {
        return totals.scanQueries;
    }

    int sampleQueries() {
        return totals.sampleQueries;
    }

    /** @return per incremental suite run so far, which rows its checks saw, in plan order */
    List<WatermarkRange> ranges() {
        return List.copyOf(ranges);
    }

    /**
     * Runs the plans of some tables.
     *
     * @param batch the plans
     * @return one result per check, in plan and suite order
     */
    List<CheckResult> run(final List<TablePlan> batch) {
        List<QueryPool.Work<QueryOutcome>> work = new ArrayList<>();
        for (TablePlan plan : batch) {
            announce(plan);
            if (plan.needsScan()) {
                work.add(connection -> queries.scan(connection, plan));
            }
            for (PlannedCheck c : plan.withMode(PlannedCheck.Mode.OWN_QUERY)) {
                work.add(connection -> queries.own(connection, plan, c));
            }
        }
        pool.runAll(work).forEach(totals::merge);
        Map<PlannedCheck, CheckResultBuilder> judged = new IdentityHashMap<>();
        List<QueryPool.Work<QueryOutcome>> samples = new ArrayList<>();
        for (TablePlan plan : batch) {
            for (PlannedCheck c : plan.checks()) {
                CheckResultBuilder b = judge(plan, c);
                judged.put(c, b);
                if (needsSample(c, b)) {
                    samples.add(connection -> queries.sample(connection, plan, c));
                }
            }
        }
        pool.runAll(samples).forEach(totals::merge);
        List<CheckResult> results = new ArrayList<>();
        for (TablePlan plan : batch) {
            Optional<WatermarkRange> range = range(plan);
            range.ifPresent(ranges::add);
            for (PlannedCheck c : plan.checks()) {
                CheckResultBuilder b = judged.get(c);
                range.ifPresent(r -> b.incremental(plan.checksChangedRows(c), r.describe(plan.checksChangedRows(c))));
                CheckResult result = finish(plan, c, b);
                report(result);
                results.add(result);
            }
        }
        return results;
    }

    private Optional<WatermarkRange> range(final TablePlan plan) {
        return plan.increment()
                .map(i -> new WatermarkRange(
                        plan.suite().name(),
                        i.column().name(),
                        i.after().orElse(""),
                        totals.newest.getOrDefault(plan, "")));
    }

    private void announce(final TablePlan plan) {
        plan.increment()
                .ifPresent(i -> progress.info(i.after()
                        .map(after -> "Suite '%s' is incremental: its row-level checks read the rows with '%s' > '%s'."
                                .formatted(plan.suite().name(), i.column().name(), after))
                        .orElse("Suite '%s' is incremental on '%s': this run checks every row and sets its watermark."
                                .formatted(plan.suite().name(), i.column().name()))));
        int count = plan.scanQueries();
        progress.info("Checking table '%s': %d %s in %d %s"
                .formatted(
                        plan.table().displayName(),
                        plan.checks().size(),
                        plan.checks().size() == 1 ? "check" : "checks",
                        count,
                        count == 1 ? "query" : "queries"));
    }

    private CheckResultBuilder judge(final TablePlan plan, final PlannedCheck c) {
        if (c.mode() == PlannedCheck.Mode.UNSUPPORTED || totals.errors.containsKey(c)) {
            return new CheckResultBuilder()
                    .name(c.check().name())
                    .type(c.check().type())
                    .severity(c.check().severity())
                    .status(CheckStatus.ERROR)
                    .observed("not evaluated")
                    .threshold(c.check().threshold().describe())
                    .message(
                            c.mode() == PlannedCheck.Mode.UNSUPPORTED
                                    ? c.unsupported()
                                    : "The database rejected the query of check '%s': %s"
                                            .formatted(c.check().name(), totals.errors.get(c)));
        }
        if (c.mode() == PlannedCheck.Mode.METADATA) {
            return evaluator.schema(c, plan.table(), options.sampleSize());
        }
        Observation observation = totals.observations.get(c);
        if (c.mode() == PlannedCheck.Mode.OWN_QUERY) {
            observation = observation.withValue(totals.values.get(c));
        }
        return evaluator.evaluate(c, observation);
    }

    private boolean needsSample(final PlannedCheck c, final CheckResultBuilder b) {
        return (c.mode() == PlannedCheck.Mode.AGGREGATE || c.mode() == PlannedCheck.Mode.OWN_QUERY)
                && !totals.errors.containsKey(c)
                && b.status != CheckStatus.PASS
                && options.sampleSize() > 0
                && SqlCompiler.hasSample(c.check().type());
    }

    private CheckResult finish(final TablePlan plan, final PlannedCheck c, final CheckResultBuilder b) {
        if (totals.samples.containsKey(c)) {
            b.sample(totals.samples.get(c));
        }
        if (totals.sampleErrors.containsKey(c)) {
            b.message(b.message + " The sample rows could not be fetched: " + totals.sampleErrors.get(c));
        }
        return b.suite(plan.suite().name())
                .table(plan.table().displayName())
                .durationMillis(totals.millis.getOrDefault(c, 0L))
                .build();
    }

    private void report(final CheckResult r) {
        String line = "%s.%s [%s]: %s".formatted(r.table(), r.name(), r.status().key(), r.message());
        switch (r.status()) {
            case WARN -> progress.warn(line);
            case FAIL, ERROR -> progress.error(line);
            default -> progress.info(line);
        }
    }
}
