package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/** What {@link DataOps#verifyLedger} should do: verify every record of the session's ledger. */
public record VerifyLedgerRequest() implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Verifies the whole ledger.
     *
     * @return the request
     */
    public static VerifyLedgerRequest all() {
        return new VerifyLedgerRequest();
    }
}
