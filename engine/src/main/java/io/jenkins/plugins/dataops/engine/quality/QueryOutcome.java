package io.jenkins.plugins.dataops.engine.quality;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one unit of query work found, per check: kept by identity, since two checks of a suite may be equal.
 * Filled by the one thread that ran the work, then merged into the run's totals by the caller's thread.
 */
final class QueryOutcome {
    final Map<PlannedCheck, Observation> observations = new IdentityHashMap<>();
    final Map<PlannedCheck, Long> values = new IdentityHashMap<>();
    final Map<PlannedCheck, String> errors = new IdentityHashMap<>();
    final Map<PlannedCheck, List<Map<String, String>>> samples = new IdentityHashMap<>();
    final Map<PlannedCheck, String> sampleErrors = new IdentityHashMap<>();
    final Map<PlannedCheck, Long> millis = new IdentityHashMap<>();
    /** Per incremental table plan, the newest value of its column in the rows its checks saw ("" for none). */
    final Map<TablePlan, String> newest = new IdentityHashMap<>();

    int scanQueries;
    int sampleQueries;

    /**
     * Adds another outcome to this one. An error already here wins: the scan's error for a bad filter is the
     * one to report, not the same filter's failure in the check's own query.
     *
     * @param other the outcome to add
     */
    void merge(final QueryOutcome other) {
        observations.putAll(other.observations);
        values.putAll(other.values);
        other.errors.forEach(errors::putIfAbsent);
        samples.putAll(other.samples);
        sampleErrors.putAll(other.sampleErrors);
        other.millis.forEach((c, ms) -> millis.merge(c, ms, Long::sum));
        newest.putAll(other.newest);
        scanQueries += other.scanQueries;
        sampleQueries += other.sampleQueries;
    }

    void time(final PlannedCheck check, final long startNanos) {
        millis.merge(check, (System.nanoTime() - startNanos) / 1_000_000, Long::sum);
    }
}
