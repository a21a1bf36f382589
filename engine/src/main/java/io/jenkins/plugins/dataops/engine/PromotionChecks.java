package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.drift.DriftFinding;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.impact.ImpactReport;
import io.jenkins.plugins.dataops.engine.release.Gate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a promotion checks in its target besides the evidence gates: the drift gate ({@code gates.drift}) and the
 * impact of the release's pending schema changes on the target's checks and catalog. Both only read the target.
 */
final class PromotionChecks {
    /** The evidence keys these checks add to a promotion's record. */
    static final List<String> EVIDENCE_KEYS = List.of(
            EvidenceKeys.ALLOW_DRIFT,
            EvidenceKeys.DRIFTED,
            EvidenceKeys.FINDINGS,
            EvidenceKeys.IMPACT,
            EvidenceKeys.DEPENDENTS);

    private final Drifts drifts;
    private final Impacts impacts;

    PromotionChecks(final Drifts drifts, final Impacts impacts) {
        this.drifts = drifts;
        this.impacts = impacts;
    }

    /**
     * Checks the target of a promotion.
     *
     * @param target  the target environment
     * @param request the promotion
     * @return the drift gate, the impact, and the evidence both add
     */
    Checked check(final DatabaseTarget target, final PromoteRequest request) {
        Drifts.GateCheck drift = drifts.gate(target, request.isAllowDrift(), request.reason());
        ImpactReport impact = impacts.analyze(target, request.release());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(EvidenceKeys.ALLOW_DRIFT, request.isAllowDrift());
        drift.report().ifPresent(report -> {
            evidence.put(EvidenceKeys.DRIFTED, report.isDrifted());
            evidence.put(
                    EvidenceKeys.FINDINGS,
                    report.findings().stream().map(DriftFinding::toMap).toList());
        });
        evidence.put(EvidenceKeys.IMPACT, Impacts.checksEvidence(impact));
        evidence.put(EvidenceKeys.DEPENDENTS, Impacts.dependentsEvidence(impact));
        return new Checked(drift.gate(), impact, evidence);
    }

    /** The drift gate, the impact and their evidence. */
    record Checked(Gate gate, ImpactReport impact, Map<String, Object> evidence) {}
}
