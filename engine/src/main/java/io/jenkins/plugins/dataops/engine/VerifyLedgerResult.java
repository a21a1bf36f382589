package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#verifyLedger} found.
 *
 * @param verification intact, or the first broken record
 */
public record VerifyLedgerResult(LedgerVerification verification) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public VerifyLedgerResult {
        Objects.requireNonNull(verification, "verification");
    }

    public boolean intact() {
        return verification.intact();
    }

    /**
     * Describes the verification in one line.
     *
     * @return e.g. {@code Ledger intact: 12 records verified.}
     */
    public String describe() {
        return verification.describe();
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code intact, records, firstBroken, problem, description}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.mapOf(verification);
        map.put("description", verification.describe());
        return map;
    }
}
