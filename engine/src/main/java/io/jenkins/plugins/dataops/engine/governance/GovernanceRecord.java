package io.jenkins.plugins.dataops.engine.governance;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A governance record as stored in the ledger: the event, its place in the chain, its time, the hash of the
 * record before it and its own SHA-256 hash over its canonical JSON form (without {@code hash}).
 *
 * @param sequence   1 for the first record, then +1
 * @param timeMillis when it was recorded, epoch milliseconds (UTC)
 * @param event      what happened
 * @param prev       the previous record's hash (64 zeros for the first record)
 * @param hash       this record's hash
 */
public record GovernanceRecord(long sequence, long timeMillis, GovernanceEvent event, String prev, String hash)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The {@code prev} of the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** Validates the parts. */
    public GovernanceRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }
}
