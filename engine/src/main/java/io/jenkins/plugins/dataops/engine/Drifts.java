package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.drift.DriftDetector;
import io.jenkins.plugins.dataops.engine.drift.DriftFinding;
import io.jenkins.plugins.dataops.engine.drift.DriftReport;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.DriftGate;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drift checks: an environment against the schema its changelog produces, recorded in the ledger with the
 * findings; and the promotion gate that refuses a drifted target ({@code gates.drift}).
 */
final class Drifts {
    private static final String GATE = "drift";

    private final DataProductSpec spec;
    private final Session session;
    private final Recorder recorder;
    private final DriftDetector detector;

    Drifts(final DataProductSpec spec, final Session session, final Recorder recorder, final ChangeLogAuditor auditor) {
        this.spec = spec;
        this.session = session;
        this.recorder = recorder;
        this.detector = new DriftDetector(auditor);
    }

    /** Checks an environment and records the check, drifted or clean, with its findings. */
    DriftReport check(final DatabaseTarget target) {
        DriftReport report =
                recorder.recordFailure(Action.DRIFT, target.environment(), "", () -> detector.check(request(target)));
        recorder.append(
                Action.DRIFT,
                target.environment(),
                report.release(),
                report.isDrifted() ? Outcome.DRIFTED : Outcome.CLEAN,
                evidence(report).build());
        return report;
    }

    /**
     * Returns the evidence of a drift check.
     *
     * @param report the check
     * @return whether it drifted, its summary, how many changesets built the expected schema, and the findings
     */
    static Evidence evidence(final DriftReport report) {
        return Evidence.of()
                .with(EvidenceKeys.DRIFTED, report.isDrifted())
                .with(EvidenceKeys.SUMMARY, report.summary())
                .with(EvidenceKeys.REPLAYED_CHANGE_SETS, report.replayed())
                .with(
                        EvidenceKeys.FINDINGS,
                        report.findings().stream().map(DriftFinding::toMap).toList());
    }

    /**
     * Evaluates the drift gate of a promotion into a target.
     *
     * @param target     the target environment
     * @param allowDrift whether the caller allows a drifted target
     * @param reason     why, required with {@code allowDrift}
     * @return the gate, and the report when the target was checked
     */
    GateCheck gate(final DatabaseTarget target, final boolean allowDrift, final String reason) {
        if (allowDrift && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(
                    "Allowing drift needs a reason, which is recorded in the ledger: add --reason '...' on the command"
                            + " line, or reason: '...' to the promote step.");
        }
        DriftGate mode = spec.policy().driftGate();
        if (mode == DriftGate.IGNORE) {
            return new GateCheck(new Gate(GATE, true, "not checked (gates.drift: ignore)"), Optional.empty());
        }
        DriftReport report = detector.check(request(target));
        if (!report.isDrifted()) {
            return new GateCheck(new Gate(GATE, true, report.summary()), Optional.of(report));
        }
        String findings = report.findings().stream().map(DriftFinding::describe).collect(Collectors.joining("; "));
        String detail = report.summary() + " (" + findings + ")";
        if (mode == DriftGate.WARN) {
            return new GateCheck(
                    new Gate(GATE, true, detail + "; promoted anyway (gates.drift: warn)"), Optional.of(report));
        }
        if (allowDrift) {
            return new GateCheck(
                    new Gate(GATE, true, detail + "; allowed by " + session.actor() + ": " + reason),
                    Optional.of(report));
        }
        return new GateCheck(
                new Gate(
                        GATE,
                        false,
                        detail + "; resolve the drift (or add it to the changelog), or allow it with --allow-drift "
                                + "--reason '...'."),
                Optional.of(report));
    }

    private MigrationRequest request(final DatabaseTarget target) {
        return new MigrationRequest(target, spec.changelog(), null, false, false, session.progress())
                .withSources(Fingerprints.sources(spec));
    }

    /** A drift gate with the report it was decided from, if the target was checked. */
    record GateCheck(Gate gate, Optional<DriftReport> report) {}
}
