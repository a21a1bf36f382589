package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.impact.ImpactReport;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.PromotionFailedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.release.EnvironmentLock;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.release.PromotionGates;
import io.jenkins.plugins.dataops.engine.release.PromotionRequest;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.release.ReleaseStack;
import io.jenkins.plugins.dataops.engine.release.Verification;
import io.jenkins.plugins.dataops.engine.release.Verifier;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Promote and rollback: gates from evidence, the environment lock, the schema change, post-deploy verification
 * and the way back, each step recorded in the ledger and in the target's release history.
 */
final class Releases {
    private final DataProductSpec spec;
    private final Session session;
    private final SchemaMigrator migrator;
    private final Recorder recorder;
    private final Function<String, DatabaseTarget> targets;
    private final Verifier verifier;
    private final PromotionChecks promotionChecks;

    Releases(
            final DataProductSpec spec,
            final Session session,
            final SchemaMigrator migrator,
            final Recorder recorder,
            final Function<String, DatabaseTarget> targets,
            final Verifier verifier,
            final PromotionChecks promotionChecks) {
        this.spec = spec;
        this.session = session;
        this.migrator = migrator;
        this.recorder = recorder;
        this.targets = targets;
        this.verifier = verifier;
        this.promotionChecks = promotionChecks;
    }

    PromoteResult promote(final PromoteRequest options) {
        PromotionRequest request = new PromotionRequest(
                options.release(),
                options.from(),
                options.to(),
                session.actor(),
                options.approvedBy().orElse(null),
                options.isForce(),
                options.reason());
        String fingerprint = Fingerprints.releaseFingerprint(spec, migrator);
        DatabaseTarget source = targets.apply(options.from());
        DatabaseTarget target = targets.apply(options.to());
        List<HistoryEntry> sourceHistory = new ReleaseHistory(source).list(spec.product());
        List<Gate> gates = new ArrayList<>(new PromotionGates(spec)
                .evaluate(request, fingerprint, sourceHistory, session.clock().instant()));
        gates.add(new EvidenceAnchors(session.ledger()).check(spec.product(), options.from(), sourceHistory));
        PromotionChecks.Checked checked = recorder.recordFailure(
                Action.PROMOTE, options.to(), options.release(), () -> promotionChecks.check(target, options));
        gates.add(checked.gate());
        gates.forEach(g -> session.progress()
                .info("Gate %-20s %s: %s".formatted(g.name(), g.passed() ? "passed" : "REFUSED", g.detail())));
        Map<String, Object> evidence = promotionEvidence(request, gates, fingerprint);
        evidence.putAll(checked.evidence());
        List<Gate> refused = gates.stream().filter(g -> !g.passed()).toList();
        if (!refused.isEmpty()) {
            recorder.append(Action.PROMOTE, options.to(), options.release(), Outcome.REFUSED, evidence);
            throw new OperationRefusedException("Promotion of release '%s' from '%s' to '%s' refused: %s"
                    .formatted(
                            options.release(),
                            options.from(),
                            options.to(),
                            refused.stream()
                                    .map(g -> g.name() + ": " + g.detail())
                                    .collect(Collectors.joining(" "))));
        }
        try (EnvironmentLock ignored = recorder.recordFailure(
                Action.PROMOTE, options.to(), options.release(), () -> lock(target, Action.PROMOTE))) {
            return applyPromotion(request, target, fingerprint, gates, evidence, checked.impact());
        }
    }

    private PromoteResult applyPromotion(
            final PromotionRequest request,
            final DatabaseTarget target,
            final String fingerprint,
            final List<Gate> gates,
            final Map<String, Object> evidence,
            final ImpactReport impact) {
        Optional<String> before =
                ReleaseStack.of(new ReleaseHistory(target).list(spec.product())).current();
        recorder.recordFailure(
                Action.PROMOTE,
                request.to(),
                request.release(),
                () -> refuseIfTargetIsAhead(target, request.release()));
        MigrationResult applied = recorder.recordWithHistory(
                Action.PROMOTE,
                target,
                request.release(),
                fingerprint,
                () -> migrator.update(migration(target, request.release())),
                r -> withChecks(
                        Evidence.of()
                                .withMigration(r)
                                .with(EvidenceKeys.FROM, request.from())
                                .with(EvidenceKeys.GATES, evidence.get(EvidenceKeys.GATES))
                                .with(EvidenceKeys.APPROVED_BY, evidence.get(EvidenceKeys.APPROVED_BY))
                                .with(EvidenceKeys.FORCED, request.force())
                                .with(EvidenceKeys.REASON, request.reason()),
                        evidence));
        Verification verification = verifier.verify(target);
        if (verification.passed()) {
            session.progress()
                    .info("Release '%s' promoted to '%s'; post-deploy data tests: %s"
                            .formatted(request.release(), request.to(), verification.summary()));
            return new PromoteResult(
                    request.release(),
                    request.from(),
                    request.to(),
                    fingerprint,
                    request.approvedBy() == null ? "" : request.approvedBy(),
                    gates,
                    applied,
                    verification,
                    impact);
        }
        String outcome = "kept at release '" + request.release() + "' (onFailure: keep)";
        if (spec.policy().rollbackOnFailure() && before.isPresent()) {
            session.progress()
                    .warn("Post-deploy data tests failed in '%s' (%s); rolling back to '%s'."
                            .formatted(request.to(), verification.summary(), before.get()));
            recorder.recordWithHistory(
                    Action.ROLLBACK,
                    target,
                    before.get(),
                    fingerprint,
                    () -> migrator.rollback(migration(target, before.get())),
                    r -> Evidence.of()
                            .withMigration(r)
                            .with(
                                    EvidenceKeys.CAUSE,
                                    "post-deploy data tests failed after " + "promoting '" + request.release() + "'"));
            Verification restored = verifier.verify(target);
            outcome =
                    "rolled back to release '" + before.get() + "', whose data tests now report: " + restored.summary();
        } else if (before.isEmpty()) {
            outcome = "kept at release '" + request.release() + "' (it ran no release before, nothing to go back to)";
        }
        recorder.append(
                Action.PROMOTE_VERIFICATION,
                request.to(),
                request.release(),
                Outcome.FAILED,
                Evidence.of()
                        .with(EvidenceKeys.VERIFICATION, verification.evidence())
                        .with(EvidenceKeys.SUMMARY, verification.summary())
                        .with(EvidenceKeys.TARGET, outcome)
                        .build());
        throw new PromotionFailedException(
                "Release '%s' was applied to '%s' but its post-deploy data tests failed (%s);"
                                .formatted(request.release(), request.to(), verification.summary())
                        + " the environment was "
                        + outcome + ".");
    }

    /**
     * Refuses to promote a release the target has already passed: updating to its tag would apply nothing, and
     * the promotion would be recorded for a release the target does not run.
     */
    private Void refuseIfTargetIsAhead(final DatabaseTarget target, final String release) {
        List<String> tags = migrator.appliedTags(migration(target, null));
        if (tags.contains(release) && !tags.get(tags.size() - 1).equals(release)) {
            throw new OperationRefusedException(("Cannot promote release '%s' to '%s': it already runs the later "
                            + "release '%s'; roll it back with 'rollback --to %s' instead.")
                    .formatted(release, target.environment(), tags.get(tags.size() - 1), release));
        }
        return null;
    }

    RollbackResult rollback(final RollbackRequest request) {
        String environment = request.environment();
        String toTag = request.toRelease().orElse(null);
        DatabaseTarget target =
                recorder.recordFailure(Action.ROLLBACK, environment, "", () -> targets.apply(environment));
        try (EnvironmentLock ignored =
                recorder.recordFailure(Action.ROLLBACK, environment, "", () -> lock(target, Action.ROLLBACK))) {
            ReleaseStack stack = ReleaseStack.of(new ReleaseHistory(target).list(spec.product()));
            String current = recorder.recordFailure(
                    Action.ROLLBACK,
                    environment,
                    "",
                    () -> stack.current().orElseThrow(() -> refusedRollback(environment, "it runs no release yet")));
            String to = toTag != null
                    ? toTag
                    : recorder.recordFailure(
                            Action.ROLLBACK,
                            environment,
                            "",
                            () -> stack.previous()
                                    .or(() -> previousAppliedTag(target, current))
                                    .orElseThrow(() -> refusedRollback(
                                            environment,
                                            "it ran no release before '" + current + "'; name a tag with --to")));
            String fingerprint = Fingerprints.releaseFingerprint(spec, migrator);
            MigrationResult rolledBack = recorder.recordWithHistory(
                    Action.ROLLBACK,
                    target,
                    to,
                    fingerprint,
                    () -> migrator.rollback(migration(target, to)),
                    r -> Evidence.of().withMigration(r).with(EvidenceKeys.FROM_RELEASE, current));
            Verification verification = verifier.verify(target);
            session.progress()
                    .info(
                            rolledBack.changeSets().isEmpty()
                                    ? "Environment '%s' is at '%s' already; nothing was rolled back; data tests: %s"
                                            .formatted(environment, to, verification.summary())
                                    : "Environment '%s' rolled back from '%s' to '%s'; data tests: %s"
                                            .formatted(environment, current, to, verification.summary()));
            return new RollbackResult(environment, current, to, rolledBack, verification);
        }
    }

    /**
     * Finds the tag applied before the current one in the database's changelog table: the way back when the
     * environment reached its release in one step (e.g. migrated straight to 1.1.0, passing 1.0.0).
     */
    private Optional<String> previousAppliedTag(final DatabaseTarget target, final String current) {
        List<String> tags = migrator.appliedTags(migration(target, null));
        int index = tags.lastIndexOf(current);
        return index > 0 ? Optional.of(tags.get(index - 1)) : Optional.empty();
    }

    /**
     * Takes the environment's lock; holding it, any Liquibase lock still set was left by a process that died in
     * the middle of a migration, so it is released and the next run resumes.
     */
    EnvironmentLock lock(final DatabaseTarget target, final Action action) {
        EnvironmentLock lock = EnvironmentLock.acquire(
                target,
                "%s (%s, %s)".formatted(session.actor(), action, session.buildRef()),
                spec.policy().lockTimeout(),
                session.clock(),
                session.progress());
        try {
            migrator.releaseStaleLock(migration(target, null))
                    .ifPresent(holder -> recorder.append(
                            Action.RELEASE_LOCK,
                            target.environment(),
                            "",
                            Outcome.SUCCESS,
                            Evidence.of()
                                    .with(EvidenceKeys.STALE_HOLDER, holder)
                                    .build()));
            return lock;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private MigrationRequest migration(final DatabaseTarget target, final String tag) {
        return new MigrationRequest(
                        target,
                        spec.changelog(),
                        tag,
                        spec.policy().allowNoRollback(),
                        spec.policy().allowDestructive(),
                        session.progress())
                .withSources(Fingerprints.sources(spec));
    }

    /** Adds what the drift gate and the impact analysis found to a promotion's evidence. */
    private static Evidence withChecks(final Evidence evidence, final Map<String, Object> checked) {
        PromotionChecks.EVIDENCE_KEYS.stream()
                .filter(checked::containsKey)
                .forEach(key -> evidence.with(key, checked.get(key)));
        return evidence;
    }

    private static OperationRefusedException refusedRollback(final String environment, final String why) {
        return new OperationRefusedException("Cannot roll back environment '%s': %s.".formatted(environment, why));
    }

    private static Map<String, Object> promotionEvidence(
            final PromotionRequest request, final List<Gate> gates, final String fingerprint) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(EvidenceKeys.FROM, request.from());
        evidence.put(EvidenceKeys.FINGERPRINT, fingerprint);
        List<Object> gateList = new ArrayList<>();
        for (Gate gate : gates) {
            gateList.add(Evidence.gate(gate.name(), gate.passed(), gate.detail()));
        }
        evidence.put(EvidenceKeys.GATES, gateList);
        evidence.put(EvidenceKeys.APPROVED_BY, request.approvedBy() == null ? "" : request.approvedBy());
        evidence.put(EvidenceKeys.FORCED, request.force());
        evidence.put(EvidenceKeys.REASON, request.reason());
        return evidence;
    }
}
