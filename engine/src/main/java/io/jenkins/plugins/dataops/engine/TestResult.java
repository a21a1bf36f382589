package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import io.jenkins.plugins.dataops.engine.quality.JsonReportWriter;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DataOps#test} found.
 *
 * @param report        every check's result, the queries issued, the suites' checksum
 * @param release       the release the environment runs (empty when none)
 * @param fingerprint   the fingerprint of the changelog and checks that were tested
 * @param skippedSuites suites that apply only from a later release than the environment runs
 * @param breached      true when a result breaches the run's {@code failOn}
 */
public record TestResult(
        DataTestReport report, String release, String fingerprint, List<String> skippedSuites, boolean breached)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public TestResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(fingerprint, "fingerprint");
        skippedSuites = List.copyOf(skippedSuites);
    }

    /**
     * Returns the value both front ends show.
     *
     * @return the JSON report's keys ({@code environment, startedAt, durationMillis, suitesChecksum, scanQueries,
     *     sampleQueries, status, summary, counts, results}) and {@code release, fingerprint, skippedSuites,
     *     breached, total, passed, warnings, errors}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = JsonReportWriter.toMap(report);
        map.put("release", release);
        map.put("fingerprint", fingerprint);
        map.put("skippedSuites", new ArrayList<>(skippedSuites));
        map.put("breached", breached);
        map.put("total", report.results().size());
        map.put("passed", report.count(CheckStatus.PASS));
        map.put("warnings", report.count(CheckStatus.WARN));
        map.put("errors", report.breaches(FailOn.ERROR).size());
        return map;
    }
}
