package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Tells whether this ledger holds every record of its product since the first, so that a record a history
     * row names must be found in it. The command line's file ledger does; the ledger of one Jenkins step holds
     * only that step's records (the build records are the whole ledger there).
     *
     * @return true when a record missing from this ledger does not exist
     */
    default boolean isComplete() {
        return false;
    }

    /**
     * Finds the intents of an environment that no outcome settled: what a killed process left behind.
     *
     * @param product     the data product
     * @param environment the environment
     * @return the open intents, oldest first
     */
    default List<GovernanceRecord> openIntents(final String product, final String environment) {
        return openIntents().stream()
                .filter(r -> r.event().product().equals(product)
                        && r.event().environment().equals(environment))
                .toList();
    }

    /**
     * Finds every intent that no outcome settled, in one pass over the records.
     *
     * @return the open intents, oldest first
     */
    default List<GovernanceRecord> openIntents() {
        Map<Long, GovernanceRecord> open = new LinkedHashMap<>();
        forEach(record -> {
            if (Outcome.INTENT.matches(record.event().outcome())) {
                open.put(record.sequence(), record);
            } else {
                settledIntent(record).ifPresent(open::remove);
            }
        });
        return List.copyOf(open.values());
    }

    /**
     * Returns the sequence of the intent a record settles.
     *
     * @param record an outcome or interrupted record
     * @return the intent's sequence, empty when the record settles none
     */
    static java.util.Optional<Long> settledIntent(final GovernanceRecord record) {
        if (record.event().evidence().get(EvidenceKeys.INTENT) instanceof Map<?, ?> ref
                && ref.get(EvidenceKeys.SEQUENCE) instanceof Number n) {
            return java.util.Optional.of(n.longValue());
        }
        return java.util.Optional.empty();
    }
}
