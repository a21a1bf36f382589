package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.io.Serial;
import java.io.Serializable;

/** The newest link of a job's governance chain: its last record. Persisted in the index. */
public final class ChainHead implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The head of a job that has no records yet. */
    public static final ChainHead EMPTY = new ChainHead(null);

    @CheckForNull
    private final GovernanceEntry last;

    /**
     * Creates a head.
     *
     * @param last the newest record of the chain, null for none
     */
    public ChainHead(@CheckForNull final GovernanceEntry last) {
        this.last = last;
    }

    public long getSequence() {
        return last == null ? 0 : last.getSequence();
    }

    /**
     * Returns the newest record as the engine's type, for chaining after it.
     *
     * @return the record, null when the chain is empty
     */
    @CheckForNull
    public GovernanceRecord toRecord() {
        return last == null ? null : last.toRecord();
    }
}
