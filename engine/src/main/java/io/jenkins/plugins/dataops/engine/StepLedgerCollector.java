package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.StepLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects the records of a {@link StepLedger} for the build: after the step's engine call, when the step is
 * stopped, and after a controller restart. It waits (bounded) while the call still writes the ledger, settles
 * every intent left without outcome as {@code interrupted} (appended to the ledger itself, so a second collection
 * returns the same records and settles nothing twice) and returns every record oldest first, each marked with
 * where it comes from ({@link EvidenceKeys#STEP_LEDGER}), so that {@link #unseen} can drop what the build already
 * stored when a crash came between storing the records and deleting the ledger.
 */
public final class StepLedgerCollector {
    /** The longest pause between two looks at a running call. */
    private static final Duration MAX_PAUSE = Duration.ofSeconds(15);

    private final ProgressListener progress;

    /**
     * Creates a collector.
     *
     * @param progress where waiting and settling are reported (the build console)
     */
    public StepLedgerCollector(final ProgressListener progress) {
        this.progress = progress;
    }

    /**
     * Collects a step ledger.
     *
     * @param ledger   the step ledger
     * @param ledgerId its id (saved in the step execution)
     * @param reason   why an intent found open has no outcome, e.g. "the build was aborted"
     * @param patience how long to wait for a call that still writes the ledger
     * @return the records, oldest first, and what had to be settled
     * @throws InterruptedException when the wait is interrupted (nothing is settled then)
     */
    public Collected collect(
            final StepLedger ledger, final String ledgerId, final String reason, final Duration patience)
            throws InterruptedException {
        boolean stillRunning = awaitEnd(ledger, patience);
        if (!stillRunning && ledger.dropTornEnd()) {
            progress.warn("The step ledger ended in a line cut off by a crash; the records before it are collected.");
        }
        List<GovernanceRecord> open = ledger.openIntents();
        for (GovernanceRecord intent : open) {
            GovernanceEvent was = intent.event();
            progress.warn("Ledger record %d (%s of '%s') has no outcome: %s; recorded as 'interrupted'."
                    .formatted(intent.sequence(), was.action(), was.environment(), reason));
            ledger.append(Reconciler.interrupted(intent, was.actor(), was.buildRef(), reason, null));
        }
        List<GovernanceRecord> records = new ArrayList<>();
        ledger.forEach(record -> records.add(withOrigin(ledgerId, record)));
        return new Collected(records, open.size(), stillRunning);
    }

    /**
     * Waits with a growing pause (1 s, 2 s, 4 s ... 15 s) while a call writes the ledger.
     *
     * @return true when the call still runs after the patience ran out
     */
    private boolean awaitEnd(final StepLedger ledger, final Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = Duration.ofSeconds(1);
        while (ledger.isRunning()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                progress.warn("The engine call still writes its records after %d s; collecting them as they are."
                        .formatted(patience.toSeconds()));
                return true;
            }
            progress.info("The engine call still writes its records; waiting for it to end (at most %d s more)."
                    .formatted(Duration.ofNanos(left).toSeconds()));
            Thread.sleep(Math.min(pause.toMillis(), Duration.ofNanos(left).toMillis() + 1));
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
        return false;
    }

    /**
     * Returns the collected records that the build does not hold yet, in their order.
     *
     * @param collected      records returned by {@link #collect}
     * @param storedEvidence the evidence of the records the build already holds
     * @return the records to store
     */
    public static List<GovernanceRecord> unseen(
            final List<GovernanceRecord> collected, final Collection<? extends Map<String, ?>> storedEvidence) {
        Set<String> stored = storedEvidence.stream()
                .map(evidence -> origin(evidence.get(EvidenceKeys.STEP_LEDGER)))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return collected.stream()
                .filter(record ->
                        !stored.contains(origin(record.event().evidence().get(EvidenceKeys.STEP_LEDGER))))
                .toList();
    }

    private static GovernanceRecord withOrigin(final String ledgerId, final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        Map<String, Object> evidence = new LinkedHashMap<>(event.evidence());
        evidence.put(
                EvidenceKeys.STEP_LEDGER,
                Map.of(
                        EvidenceKeys.ID, ledgerId,
                        EvidenceKeys.SEQUENCE, record.sequence(),
                        EvidenceKeys.HASH, record.hash()));
        return new GovernanceRecord(
                record.sequence(), record.timeMillis(), event.withEvidence(evidence), record.prev(), record.hash());
    }

    /** The origin as one comparable text; null for a record that names none. */
    private static String origin(final Object value) {
        if (value instanceof Map<?, ?> origin && origin.get(EvidenceKeys.SEQUENCE) instanceof Number sequence) {
            return origin.get(EvidenceKeys.ID) + "#" + sequence.longValue() + "#" + origin.get(EvidenceKeys.HASH);
        }
        return null;
    }

    /**
     * What a collection found.
     *
     * @param records      every record of the step ledger, oldest first, with its origin
     * @param interrupted  how many intents were settled as {@code interrupted} by this collection
     * @param stillRunning true when the call still wrote the ledger after the patience ran out
     */
    public record Collected(List<GovernanceRecord> records, int interrupted, boolean stillRunning) {
        /** Copies the records. */
        public Collected {
            records = List.copyOf(records);
        }
    }
}
