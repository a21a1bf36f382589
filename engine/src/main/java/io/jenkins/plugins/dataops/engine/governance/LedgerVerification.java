package io.jenkins.plugins.dataops.engine.governance;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The result of verifying a ledger's chain.
 *
 * @param intact        true when every record's hash and link are right
 * @param records       how many records were read
 * @param firstBroken   the sequence (1-based position) of the first broken record, 0 when intact
 * @param problem       what is wrong with it (edited, deleted, reordered, truncated), empty when intact
 * @param keyed         true when the records' MACs were checked with the ledger key
 */
public record LedgerVerification(boolean intact, long records, long firstBroken, String problem, boolean keyed)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public LedgerVerification {
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * A verification of an unkeyed chain.
     *
     * @param intact      true when every record's hash and link are right
     * @param records     how many records were read
     * @param firstBroken the first broken record, 0 when intact
     * @param problem     what is wrong with it, empty when intact
     */
    public LedgerVerification(final boolean intact, final long records, final long firstBroken, final String problem) {
        this(intact, records, firstBroken, problem, false);
    }

    /**
     * Returns this verification, saying whether the MACs were checked.
     *
     * @param withKey true when they were
     * @return a copy
     */
    public LedgerVerification keyed(final boolean withKey) {
        return new LedgerVerification(intact, records, firstBroken, problem, withKey);
    }

    /**
     * Returns the result as one line for people.
     *
     * @return e.g. {@code Ledger intact: 12 records verified.}
     */
    public String describe() {
        if (!intact) {
            return "Ledger BROKEN at record %d of %d: %s".formatted(firstBroken, records, problem);
        }
        return "Ledger intact: %d records verified%s.".formatted(records, keyed ? " with the ledger key" : "");
    }
}
