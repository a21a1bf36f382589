package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import java.io.Serial;
import java.io.Serializable;
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
public record DataTestOutcome(
        DataTestReport report, String release, String fingerprint, List<String> skippedSuites, boolean breached)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public DataTestOutcome {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(fingerprint, "fingerprint");
        skippedSuites = List.copyOf(skippedSuites);
    }
}
