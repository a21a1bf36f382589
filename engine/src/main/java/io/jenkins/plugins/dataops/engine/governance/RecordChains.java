package io.jenkins.plugins.dataops.engine.governance;

import java.util.List;

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

    /**
     * Verifies records that must form one unbroken part of a longer chain (the older records may be kept
     * elsewhere or discarded): every hash matches its content, and every record follows the one before it.
     * A part that starts at record 1 is verified as a whole chain.
     *
     * @param records the records, oldest first
     * @return intact, or the position (1-based, in this list) and reason of the first break
     */
    public static LedgerVerification verifySegment(final List<GovernanceRecord> records) {
        if (records.isEmpty() || records.get(0).sequence() == 1) {
            return verify(records);
        }
        GovernanceRecord before = null;
        for (int i = 0; i < records.size(); i++) {
            String problem = problem(before, records.get(i));
            if (!problem.isEmpty()) {
                return new LedgerVerification(false, records.size(), i + 1L, problem);
            }
            before = records.get(i);
        }
        return new LedgerVerification(true, records.size(), 0, "");
    }

    private static String problem(final GovernanceRecord before, final GovernanceRecord record) {
        if (before != null && record.sequence() != before.sequence() + 1) {
            return "expected sequence " + (before.sequence() + 1) + " but found " + record.sequence()
                    + " (a record was deleted or the records were reordered)";
        }
        if (before != null && !record.prev().equals(before.hash())) {
            return "its 'prev' does not match the hash of the record before it (that record was edited)";
        }
        if (!RecordCodec.hash(record).equals(record.hash())) {
            return "its content does not match its hash (the record was edited)";
        }
        return "";
    }
}
