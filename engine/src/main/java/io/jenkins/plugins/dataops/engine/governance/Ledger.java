package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained governance ledger. Stores: a JSON-lines file (CLI), the Jenkins build
 * records (plugin).
 */
public interface Ledger {
    /**
     * Chains and stores an event.
     *
     * @param event what happened
     * @return the stored record with its sequence, time, prev and hash
     * @throws DataOpsException when the store cannot be written
     */
    GovernanceRecord append(GovernanceEvent event);

    /**
     * Streams every record, oldest first, without holding them all in memory.
     *
     * @param consumer receives each record
     * @throws DataOpsException when the store cannot be read or a line is not a record
     */
    void forEach(Consumer<GovernanceRecord> consumer);

    /**
     * Verifies the whole chain.
     *
     * @return intact, or the first broken record and what is wrong with it
     */
    LedgerVerification verify();
}
