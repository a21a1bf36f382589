package io.jenkins.plugins.dataops.engine.governance;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A ledger kept in memory, for tests and embedders whose records need not outlive the process (a Jenkins step
 * writes a {@link StepLedger} file instead, so its records survive an abort or a restart). It chains exactly like
 * the file ledger.
 */
public final class MemoryLedger implements Ledger, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ArrayList<GovernanceRecord> records = new ArrayList<>();
    private final transient Clock clock;

    /** Creates an empty ledger on the system clock. */
    public MemoryLedger() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an empty ledger.
     *
     * @param clock the clock that stamps records
     */
    public MemoryLedger(final Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized GovernanceRecord append(final GovernanceEvent event) {
        GovernanceRecord previous = records.isEmpty() ? null : records.get(records.size() - 1);
        long now = clock == null ? System.currentTimeMillis() : clock.millis();
        GovernanceRecord record = RecordCodec.chain(previous, event, now);
        records.add(record);
        return record;
    }

    @Override
    public synchronized void forEach(final Consumer<GovernanceRecord> consumer) {
        List.copyOf(records).forEach(consumer);
    }

    @Override
    public synchronized LedgerVerification verify() {
        ChainVerifier verifier = new ChainVerifier();
        records.forEach(verifier::accept);
        return verifier.result(records.size());
    }

    /**
     * Returns the records, oldest first.
     *
     * @return a copy of the records
     */
    public synchronized List<GovernanceRecord> records() {
        return List.copyOf(records);
    }
}
