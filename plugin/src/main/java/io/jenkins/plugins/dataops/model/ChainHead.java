package io.jenkins.plugins.dataops.model;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.io.Serial;
import java.io.Serializable;

/** The newest link of a job's governance chain: its sequence and hash. Persisted in the index. */
public final class ChainHead implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The head of a job that has no records yet. */
    public static final ChainHead EMPTY = new ChainHead(0, GovernanceRecord.GENESIS);

    private final long sequence;
    private final String hash;

    /**
     * Creates a head.
     *
     * @param sequence the sequence of the newest record (0 for none)
     * @param hash     its hash (the genesis value for none)
     */
    public ChainHead(final long sequence, final String hash) {
        this.sequence = sequence;
        this.hash = hash;
    }

    public long getSequence() {
        return sequence;
    }

    public String getHash() {
        return hash;
    }
}
