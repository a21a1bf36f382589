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
 */
public record LedgerVerification(boolean intact, long records, long firstBroken, String problem)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public LedgerVerification {
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Returns the result as one line for people.
     *
     * @return e.g. {@code Ledger intact: 12 records verified.}
     */
    public String describe() {
        return intact
                ? "Ledger intact: %d records verified.".formatted(records)
                : "Ledger BROKEN at record %d of %d: %s".formatted(firstBroken, records, problem);
    }
}
