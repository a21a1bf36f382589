package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.util.List;
import java.util.Map;

/**
 * Settles the intents a killed run left open on an environment: each becomes an {@code interrupted} record
 * naming the changesets Liquibase says were applied since the intent, so that nobody's change goes
 * unattributed. Runs under the environment's lock, so no open intent it sees belongs to a run still going.
 */
final class Reconciler {
    private final DataProductSpec spec;
    private final Session session;
    private final SchemaMigrator migrator;

    Reconciler(final DataProductSpec spec, final Session session, final SchemaMigrator migrator) {
        this.spec = spec;
        this.session = session;
        this.migrator = migrator;
    }

    void reconcile(final DatabaseTarget target) {
        List<GovernanceRecord> open = session.ledger().openIntents(spec.product(), target.environment());
        if (open.isEmpty()) {
            return;
        }
        List<AppliedChangeSet> applied = migrator.history(
                new MigrationRequest(target, spec.changelog(), null, false, false, session.progress()));
        for (int i = 0; i < open.size(); i++) {
            long from = secondOf(open.get(i).timeMillis());
            long to = i + 1 < open.size() ? secondOf(open.get(i + 1).timeMillis()) : Long.MAX_VALUE;
            settle(
                    open.get(i),
                    applied.stream()
                            .filter(c -> c.executedMillis() >= from && c.executedMillis() < to)
                            .toList());
        }
    }

    private void settle(final GovernanceRecord intent, final List<AppliedChangeSet> applied) {
        GovernanceEvent was = intent.event();
        session.progress()
                .warn(
                        "Ledger record %d (%s of '%s' by %s) has no outcome: the run was interrupted; %d changeset(s) found applied since, recorded as 'interrupted'."
                                .formatted(
                                        intent.sequence(),
                                        was.action(),
                                        was.environment(),
                                        was.actor(),
                                        applied.size()));
        session.ledger()
                .append(interrupted(
                        intent,
                        session.actor(),
                        session.buildRef(),
                        "no outcome was recorded for this intent (the run was killed or crashed)",
                        applied.stream().map(Reconciler::changeSet).toList()));
    }

    /**
     * Builds the {@code interrupted} record that settles an intent no outcome settled: the same action, product,
     * environment and release, the reason, and the changesets known to have been applied since (left out when
     * they cannot be known where the record is made).
     *
     * @param intent     the open intent
     * @param actor      who settles it
     * @param buildRef   the build that settles it
     * @param reason     why it has no outcome
     * @param changeSets the changesets applied since the intent, null when unknown
     * @return the event to append
     */
    static GovernanceEvent interrupted(
            final GovernanceRecord intent,
            final String actor,
            final String buildRef,
            final String reason,
            final List<Map<String, Object>> changeSets) {
        GovernanceEvent was = intent.event();
        Evidence evidence = Evidence.of().with(EvidenceKeys.REASON, reason);
        if (changeSets != null) {
            evidence.with(EvidenceKeys.CHANGE_SETS, changeSets);
        }
        return new GovernanceEvent(
                actor,
                was.action(),
                was.product(),
                was.environment(),
                was.release(),
                Outcome.INTERRUPTED.wireName(),
                buildRef,
                Recorder.settling(evidence, intent));
    }

    private static Map<String, Object> changeSet(final AppliedChangeSet c) {
        return Map.of(
                EvidenceKeys.ID, c.id(),
                EvidenceKeys.AUTHOR, c.author(),
                EvidenceKeys.FILE, c.file(),
                EvidenceKeys.CHECKSUM, c.checksum());
    }

    /** Liquibase may store the execution time to the second only. */
    private static long secondOf(final long millis) {
        return millis / 1000 * 1000;
    }
}
