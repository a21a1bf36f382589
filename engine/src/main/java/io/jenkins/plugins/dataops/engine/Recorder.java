package io.jenkins.plugins.dataops.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
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

    Recorder(final DataProductSpec spec, final Session session) {
        this.spec = spec;
        this.session = session;
    }

    <T> T record(
            final Action action,
            final String environment,
            final String release,
            final Supplier<T> work,
            final Function<T, Evidence> evidence) {
        T result;
        try {
            result = work.get();
        } catch (DataOpsException e) {
            appendFailure(action, environment, release, e);
            throw e;
        } catch (RuntimeException | Error e) {
            appendUnexpected(action, environment, release, e);
            throw e;
        }
        append(
                action,
                environment,
                release,
                Outcome.SUCCESS,
                evidence.apply(result).build());
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
            appendFailure(action, environment, release, e);
            throw e;
        } catch (RuntimeException | Error e) {
            appendUnexpected(action, environment, release, e);
            throw e;
        }
    }

    MigrationResult recordWithHistory(
            final Action action,
            final DatabaseTarget target,
            final String release,
            final String fingerprint,
            final Supplier<MigrationResult> work,
            final Function<MigrationResult, Evidence> evidence) {
        String checksum = Fingerprints.changelogChecksum(spec);
        try {
            MigrationResult result = work.get();
            // An untagged migrate learns its release's name (the last changeset's) only from the result.
            append(
                    action,
                    target.environment(),
                    release.isEmpty() ? result.tagAfter() : release,
                    Outcome.SUCCESS,
                    evidence.apply(result)
                            .with(EvidenceKeys.FINGERPRINT, fingerprint)
                            .with(EvidenceKeys.CHANGELOG_CHECKSUM, checksum)
                            .build());
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
                            result.changeSets().size()));
            return result;
        } catch (InvalidInputException e) {
            throw e; // bad input changed nothing: neither the ledger nor the history has anything to add
        } catch (OperationRefusedException e) {
            appendFailure(action, target.environment(), release, e);
            throw e; // refused before touching anything: the environment's history has nothing to add
        } catch (DataOpsException e) {
            appendFailure(action, target.environment(), release, e);
            failedHistory(target, action, release, fingerprint, checksum, e, e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            appendUnexpected(action, target.environment(), release, e);
            failedHistory(target, action, release, fingerprint, checksum, e, unexpected(e));
            throw e;
        }
    }

    private void failedHistory(
            final DatabaseTarget target,
            final Action action,
            final String release,
            final String fingerprint,
            final String checksum,
            final Throwable failure,
            final String error) {
        try {
            history(target, action, release, fingerprint, checksum, Outcome.FAILED, Map.of(EvidenceKeys.ERROR, error));
        } catch (RuntimeException unrecorded) {
            failure.addSuppressed(unrecorded); // the database may be the reason: keep the original failure first
        }
    }

    void history(
            final DatabaseTarget target,
            final Action action,
            final String release,
            final String fingerprint,
            final String checksum,
            final Outcome outcome,
            final Map<String, Object> details) {
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
                        json(details)));
    }

    /**
     * Records a failure the engine did not foresee: a bug or an {@link Error} (out of memory, a failed assertion,
     * a class that cannot load) is still a failed operation an auditor must see. The record names the error's type
     * only: its message was not written by the engine and could quote anything, a secret included.
     */
    private void appendUnexpected(
            final Action action, final String environment, final String release, final Throwable e) {
        try {
            append(
                    action,
                    environment,
                    release,
                    Outcome.FAILED,
                    Evidence.of().with(EvidenceKeys.ERROR, unexpected(e)).build());
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded); // the ledger failing too must not hide the original failure
        }
    }

    private static String unexpected(final Throwable e) {
        return "Unexpected " + e.getClass().getName() + "; see the build log for its details.";
    }

    /** Records a refusal (with its reason) or a failure (with its error). */
    private void appendFailure(
            final Action action, final String environment, final String release, final DataOpsException e) {
        if (e instanceof OperationRefusedException) {
            append(
                    action,
                    environment,
                    release,
                    Outcome.REFUSED,
                    Evidence.of().with(EvidenceKeys.REASON, e.getMessage()).build());
        } else {
            append(
                    action,
                    environment,
                    release,
                    Outcome.FAILED,
                    Evidence.of().with(EvidenceKeys.ERROR, e.getMessage()).build());
        }
    }

    void append(
            final Action action,
            final String environment,
            final String release,
            final Outcome outcome,
            final Map<String, Object> evidence) {
        session.ledger()
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
