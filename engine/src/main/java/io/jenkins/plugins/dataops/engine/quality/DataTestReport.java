package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a data test run on one environment: every check result, how many queries were issued, and the
 * checksum of the suites that were run (for the governance record). Immutable and serializable.
 */
public final class DataTestReport implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final List<CheckResult> results;
    private final int scanQueries;
    private final int sampleQueries;
    private final String suitesChecksum;
    private final Instant startedAt;
    private final long durationMillis;
    private final List<WatermarkRange> watermarks;

    /**
     * Creates a report.
     *
     * @param environment    the environment
     * @param results        the results, in suite and check order
     * @param scanQueries    the queries that evaluated checks
     * @param sampleQueries  the queries that fetched sample rows
     * @param suitesChecksum the SHA-256 of the suites, see {@link CheckSuiteLoader#checksum(List)}
     * @param startedAt      when the run started
     * @param durationMillis how long it took
     */
    public DataTestReport(
            final String environment,
            final List<CheckResult> results,
            final int scanQueries,
            final int sampleQueries,
            final String suitesChecksum,
            final Instant startedAt,
            final long durationMillis) {
        this(environment, results, scanQueries, sampleQueries, suitesChecksum, startedAt, durationMillis, List.of());
    }

    /**
     * Creates a report of a run with incremental suites.
     *
     * @param environment    the environment
     * @param results        the results, in suite and check order
     * @param scanQueries    the queries that evaluated checks
     * @param sampleQueries  the queries that fetched sample rows
     * @param suitesChecksum the SHA-256 of the suites
     * @param startedAt      when the run started
     * @param durationMillis how long it took
     * @param watermarks     per incremental suite, which rows its checks saw
     */
    @SuppressWarnings("checkstyle:ParameterNumber") // a value with eight parts, all needed by both front ends
    public DataTestReport(
            final String environment,
            final List<CheckResult> results,
            final int scanQueries,
            final int sampleQueries,
            final String suitesChecksum,
            final Instant startedAt,
            final long durationMillis,
            final List<WatermarkRange> watermarks) {
        this.watermarks = List.copyOf(watermarks);
        this.environment = Objects.requireNonNull(environment, "environment");
        this.results = List.copyOf(results);
        this.scanQueries = scanQueries;
        this.sampleQueries = sampleQueries;
        this.suitesChecksum = Objects.requireNonNull(suitesChecksum, "suitesChecksum");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.durationMillis = durationMillis;
    }

    public String environment() {
        return environment;
    }

    public List<CheckResult> results() {
        return results;
    }

    /** @return the queries that evaluated checks (one aggregate per table plus one per own-query check) */
    public int scanQueries() {
        return scanQueries;
    }

    /** @return the queries that fetched sample rows of breached checks */
    public int sampleQueries() {
        return sampleQueries;
    }

    /** @return the hex SHA-256 of the suites that were run */
    public String suitesChecksum() {
        return suitesChecksum;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /** @return per incremental suite, which rows its checks saw and its next watermark, in suite order */
    public List<WatermarkRange> watermarks() {
        return watermarks;
    }

    /**
     * Tells whether some suite of the run checked only its changed rows.
     *
     * @return true for an incremental run
     */
    public boolean isIncremental() {
        return watermarks.stream().anyMatch(WatermarkRange::isIncremental);
    }

    /**
     * Counts the results with a status.
     *
     * @param status a status
     * @return how many results have it
     */
    public long count(final CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /**
     * Returns the names of the suites in the report, in order.
     *
     * @return the suite names
     */
    public List<String> suites() {
        return results.stream().map(CheckResult::suite).distinct().collect(Collectors.toList());
    }

    /**
     * Returns the worst status of all results.
     *
     * @return PASS for a report without results
     */
    public CheckStatus worstStatus() {
        return results.stream().map(CheckResult::status).reduce(CheckStatus.PASS, CheckStatus::worst);
    }

    /**
     * Returns the results that break the build under a policy.
     *
     * @param failOn the policy
     * @return the breaching results, in order
     */
    public List<CheckResult> breaches(final FailOn failOn) {
        return results.stream().filter(r -> failOn.isBreach(r.status())).collect(Collectors.toList());
    }

    /**
     * Tells whether any result breaks the build under a policy.
     *
     * @param failOn the policy
     * @return true when {@link #breaches(FailOn)} is not empty
     */
    public boolean isBreached(final FailOn failOn) {
        return !breaches(failOn).isEmpty();
    }

    /**
     * Returns one line for a console or a record.
     *
     * @return e.g. {@code Data tests on 'qat': 19 checks, 15 passed, 1 warned, 3 failed, 0 errors (2 suites, 3 scan
     *         queries, 3 sample queries).}
     */
    public String summary() {
        return "Data tests on '%s': %d checks, %d passed, %d warned, %d failed, %d errors (%d suites, %d scan %s, %d sample %s)."
                .formatted(
                        environment,
                        results.size(),
                        count(CheckStatus.PASS),
                        count(CheckStatus.WARN),
                        count(CheckStatus.FAIL),
                        count(CheckStatus.ERROR),
                        suites().size(),
                        scanQueries,
                        scanQueries == 1 ? "query" : "queries",
                        sampleQueries,
                        sampleQueries == 1 ? "query" : "queries");
    }

    @Override
    public String toString() {
        return summary();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataTestReport other
                && environment.equals(other.environment)
                && results.equals(other.results)
                && scanQueries == other.scanQueries
                && sampleQueries == other.sampleQueries
                && suitesChecksum.equals(other.suitesChecksum)
                && startedAt.equals(other.startedAt)
                && durationMillis == other.durationMillis
                && watermarks.equals(other.watermarks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                environment,
                results,
                scanQueries,
                sampleQueries,
                suitesChecksum,
                startedAt,
                durationMillis,
                watermarks);
    }
}
