package io.jenkins.plugins.dataops.engine.governance;

/**
 * Verifies a chain of records held outside a ledger (a front end that stores records itself, such as the
 * Jenkins plugin per job), with the same rules as every ledger's {@code verify()}.
 */
public final class RecordChains {
    private RecordChains() {}

    /**
     * Verifies records that must form a whole chain from the first record.
     *
     * @param records the records, oldest first
     * @return intact, or where and why the chain breaks
     */
    public static LedgerVerification verify(final Iterable<GovernanceRecord> records) {
        ChainVerifier verifier = new ChainVerifier();
        long count = 0;
        for (GovernanceRecord record : records) {
            verifier.accept(record);
            count++;
        }
        return verifier.result(count);
    }
}
