package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.drift.DriftReport;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#drift} found.
 *
 * @param report the environment, the release it runs, and every difference from its changelog
 */
public record DriftResult(DriftReport report) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public DriftResult {
        Objects.requireNonNull(report, "report");
    }

    /** @return true when the environment differs from its changelog */
    public boolean isDrifted() {
        return report.isDrifted();
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code environment, release, drifted, replayedChangeSets, summary, findings} (each finding with
     *     {@code kind, name, change, expected, live})
     */
    public LinkedHashMap<String, Object> toMap() {
        @SuppressWarnings("unchecked") // PlainValues turns a map into a LinkedHashMap of String keys
        LinkedHashMap<String, Object> map = (LinkedHashMap<String, Object>) PlainValues.of(report.toMap());
        return map;
    }
}
