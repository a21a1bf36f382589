package io.jenkins.plugins.dataops.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an operation and records what came of it: a governance record in the ledger whatever the outcome
 * (success, refused, failed), and for schema changes a row in the environment's release history.
 */
final class Recorder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataProductSpec spec;
    private final Session session;
    private final SchemaMigrator migrator;

    private final Reconciler reconciler;

    Recorder(final DataProductSpec spec, final Session session, final SchemaMigrator migrator) {
        this.spec = spec;
        this.session = session;
        this.migrator = migrator;
        this.reconciler = new Reconciler(spec, session, migrator);
    }

    <T> T record(
            final Action action,
            final String environment,
            final String release,
            final Supplier<T> work,
            final Function<T, Evidence> evidence) {
        GovernanceRecord intent = intend(action, environment, release);
        T result;
        try {
            result = work.get();
        } catch (DataOpsException e) {
            appendFailure(action, environment, release, e, intent);
            throw e;
        } catch (RuntimeException | Error e) {
            appendUnexpected(action, environment, release, e, intent);
            throw e;
        }
        append(action, environment, release, Outcome.SUCCESS, settling(evidence.apply(result), intent));
        return result;
    }

    /**
     * Runs a preparatory step (resolving a target, taking a lock) and records only its failure: a refused or
     * failed operation is in the ledger even when it never reached the database.
     */
    <T> T recordFailure(final Action action, final String environment, final String release, final Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw e; // bad input is the caller's to fix: nothing happened that an auditor needs to see
        } catch (DataOpsException e) {
            appendFailure(action, environment, release, e, null);
            throw e;
        } catch (RuntimeException | Error e) {
            appendUnexpected(action, environment, release, e, null);
            throw e;
        }
    }

    /**
     * Runs a schema change under the environment's lock: settles what a killed run left open, records the
     * intent, runs the change, writes the history row (success as soon as the change is applied, whatever
     * happens to the ledger afterwards) and settles the intent with the outcome.
     */
    MigrationResult recordWithHistory(
            final Action action,
            final DatabaseTarget target,
            final String release,
            final String fingerprint,
            final Supplier<MigrationResult> work,
            final Function<MigrationResult, Evidence> evidence) {
        String checksum = Fingerprints.changelogChecksum(spec, migrator);
        reconciler.reconcile(target);
        GovernanceRecord intent =
                intend(action, target.environment(), release, Map.of(EvidenceKeys.FINGERPRINT, fingerprint));
        MigrationResult result;
        try {
            result = work.get();
        } catch (InvalidInputException | OperationRefusedException e) {
            // Bad input (a tag the changelog does not declare) or a refusal is found before anything is applied:
            // the intent is settled as refused, and the environment's history has nothing to add.
            appendRefusal(action, target.environment(), release, e, intent);
            throw e;
        } catch (DataOpsException e) {
            historySafely(target, action, release, fingerprint, checksum, e, e.getMessage(), intent);
            appendFailure(action, target.environment(), release, e, intent);
            throw e;
        } catch (RuntimeException | Error e) {
            historySafely(target, action, release, fingerprint, checksum, e, unexpected(e), intent);
            appendUnexpected(action, target.environment(), release, e, intent);
            throw e;
        }
        history(
                target,
                action,
                result.tagAfter(),
                fingerprint,
                checksum,
                Outcome.SUCCESS,
                Map.of(
                        EvidenceKeys.TAG_BEFORE,
                        result.tagBefore(),
                        EvidenceKeys.CHANGE_SETS,
                        result.changeSets().size()),
                intent);
        // An untagged migrate learns its release's name (the last changeset's) only from the result.
        append(
                action,
                target.environment(),
                release.isEmpty() ? result.tagAfter() : release,
                Outcome.SUCCESS,
                settling(
                        evidence.apply(result)
                                .with(EvidenceKeys.FINGERPRINT, fingerprint)
                                .with(EvidenceKeys.CHANGELOG_CHECKSUM, checksum),
                        intent));
        return result;
    }

    /**
     * Records what is about to change before anything changes; when that fails (a damaged last line, an
     * unwritable file, a full disk) the operation stops here, so nothing is ever changed unrecorded.
     */
    private GovernanceRecord intend(final Action action, final String environment, final String release) {
        return intend(action, environment, release, Map.of());
    }

    private GovernanceRecord intend(
            final Action action, final String environment, final String release, final Map<String, Object> evidence) {
        try {
            return session.ledger()
                    .append(new GovernanceEvent(
                            session.actor(),
                            action,
                            spec.product(),
                            environment,
                            release,
                            Outcome.INTENT,
                            session.buildRef(),
                            evidence));
        } catch (DataOpsException e) {
            throw new DataOpsException(
                    "Nothing was changed: %s of '%s' could not be recorded in the ledger (%s); repair the ledger (see 'dataops verify-ledger') and run again."
                            .formatted(action.wireName(), environment, e.getMessage()),
                    e);
        }
    }

    static Map<String, Object> settling(final Evidence evidence, final GovernanceRecord intent) {
        return (intent == null ? evidence : evidence.with(EvidenceKeys.INTENT, reference(intent))).build();
    }

    static Map<String, Object> reference(final GovernanceRecord intent) {
        return Map.of(EvidenceKeys.SEQUENCE, intent.sequence(), EvidenceKeys.HASH, intent.hash());
    }

    private void historySafely(
            final DatabaseTarget target,
            final Action action,
            final String release,
            final String fingerprint,
            final String checksum,
            final Throwable e,
            final String error,
            final GovernanceRecord intent) {
        try {
            history(
                    target,
                    action,
                    release,
                    fingerprint,
                    checksum,
                    Outcome.FAILED,
                    Map.of(EvidenceKeys.ERROR, error),
                    intent);
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded); // the database may be the reason: keep the original failure first
        }
    }

    /**
     * Writes a history row anchored to the ledger record that vouches for it (the intent of a schema change, the
     * outcome of a data-test run): the gates that read the row check it against that record, so a row written
     * or edited outside DataOps does not pass them (see {@link EvidenceAnchors}).
     */
    @SuppressWarnings("checkstyle:ParameterNumber") // one row's columns
    void history(
            final DatabaseTarget target,
            final Action action,
            final String release,
            final String fingerprint,
            final String checksum,
            final Outcome outcome,
            final Map<String, Object> details,
            final GovernanceRecord anchor) {
        Map<String, Object> anchored = new java.util.LinkedHashMap<>(details);
        // Only a ledger that keeps every record can vouch later; a Jenkins step's records are re-chained elsewhere.
        if (session.ledger().isComplete()) {
            anchored.put(EvidenceKeys.LEDGER, reference(anchor));
        }
        new ReleaseHistory(target)
                .append(new HistoryEntry(
                        0,
                        spec.product(),
                        target.environment(),
                        release,
                        fingerprint,
                        checksum,
                        action.wireName(),
                        outcome.wireName(),
                        session.actor(),
                        session.buildRef(),
                        session.clock().millis(),
                        json(anchored)));
    }

    /** Records a refusal (with its reason) or a failure (with its error), settling the intent if there is one. */
    private void appendFailure(
            final Action action,
            final String environment,
            final String release,
            final DataOpsException e,
            final GovernanceRecord intent) {
        boolean refused = e instanceof OperationRefusedException;
        Evidence evidence = Evidence.of().with(refused ? EvidenceKeys.REASON : EvidenceKeys.ERROR, e.getMessage());
        try {
            append(
                    action,
                    environment,
                    release,
                    refused ? Outcome.REFUSED : Outcome.FAILED,
                    settling(evidence, intent));
        } catch (DataOpsException unrecorded) {
            e.addSuppressed(unrecorded); // the ledger may be the reason: keep the original failure first
        }
    }

    private void appendRefusal(
            final Action action,
            final String environment,
            final String release,
            final DataOpsException e,
            final GovernanceRecord intent) {
        try {
            append(
                    action,
                    environment,
                    release,
                    Outcome.REFUSED,
                    settling(Evidence.of().with(EvidenceKeys.REASON, e.getMessage()), intent));
        } catch (DataOpsException unrecorded) {
            e.addSuppressed(unrecorded); // the ledger may be the reason: keep the original failure first
        }
    }

    /**
     * Records a failure the engine did not foresee: a bug or an {@link Error} (out of memory, a failed assertion,
     * a class that cannot load) is still a failed operation an auditor must see. The record names the error's type
     * only: its message was not written by the engine and could quote anything, a secret included.
     */
    private void appendUnexpected(
            final Action action,
            final String environment,
            final String release,
            final Throwable e,
            final GovernanceRecord intent) {
        try {
            append(
                    action,
                    environment,
                    release,
                    Outcome.FAILED,
                    settling(Evidence.of().with(EvidenceKeys.ERROR, unexpected(e)), intent));
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded); // the ledger failing too must not hide the original failure
        }
    }

    private static String unexpected(final Throwable e) {
        return "Unexpected " + e.getClass().getName() + "; see the build log for its details.";
    }

    GovernanceRecord append(
            final Action action,
            final String environment,
            final String release,
            final Outcome outcome,
            final Map<String, Object> evidence) {
        return session.ledger()
                .append(new GovernanceEvent(
                        session.actor(),
                        action,
                        spec.product(),
                        environment,
                        release,
                        outcome,
                        session.buildRef(),
                        evidence));
    }

    private static String json(final Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
