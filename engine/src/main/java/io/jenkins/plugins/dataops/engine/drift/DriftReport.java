package io.jenkins.plugins.dataops.engine.drift;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a drift check found in one environment.
 *
 * @param environment the environment
 * @param release     the release it runs (its last applied tag); empty when none
 * @param replayed    how many changesets built the expected schema
 * @param findings    the differences, schema objects first, then changesets; empty when clean
 */
public record DriftReport(String environment, String release, int replayed, List<DriftFinding> findings)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public DriftReport {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        findings = List.copyOf(findings);
    }

    /** @return true when the environment differs from its changelog */
    public boolean isDrifted() {
        return !findings.isEmpty();
    }

    /**
     * Summarises the check in one sentence.
     *
     * @return e.g. {@code environment 'qat' (release 1.1.0) has drifted: 2 finding(s)}
     */
    public String summary() {
        String where = "environment '%s' (release %s)".formatted(environment, release.isEmpty() ? "none" : release);
        return isDrifted()
                ? where + " has drifted from its changelog: " + findings.size() + " finding(s)"
                : where + " matches its changelog: no drift";
    }

    /** @return the report as maps, lists and strings (JSON output, ledger evidence, the step's return value) */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put("release", release);
        map.put("drifted", isDrifted());
        map.put("replayedChangeSets", replayed);
        map.put("summary", summary());
        map.put("findings", findings.stream().map(DriftFinding::toMap).toList());
        return map;
    }
}
