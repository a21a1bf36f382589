package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.RecordChains;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-chains the records one call produced (each call starts its own chain where it ran) after the newest
 * record of a longer chain, such as a Jenkins job's, and verifies such a chain. Hashing is the ledger's
 * ({@link RecordCodec}), so records chained here verify like a ledger file's.
 */
public final class JobChains {
    private JobChains() {}

    /**
     * Chains records after a head.
     *
     * @param head the newest record of the chain, null when the chain is empty
     * @param raw  the records as produced, oldest first; their sequence, prev and hash are replaced
     * @return the chained records, in the same order
     */
    public static List<GovernanceRecord> chain(final GovernanceRecord head, final List<GovernanceRecord> raw) {
        List<GovernanceRecord> chained = new ArrayList<>(raw.size());
        GovernanceRecord previous = head;
        for (GovernanceRecord record : raw) {
            previous = RecordCodec.chain(previous, record.event(), record.timeMillis());
            chained.add(previous);
        }
        return chained;
    }

    /**
     * Verifies a whole chain, from its first record.
     *
     * @param records the records, oldest first
     * @return intact, or where and why it breaks (a missing record, such as one of a deleted build, breaks it)
     */
    public static LedgerVerification verify(final List<GovernanceRecord> records) {
        return RecordChains.verify(records);
    }

    /**
     * Verifies the records of several chains (one per job), each of which may be only its newest part.
     *
     * @param chains chain name (a job) to its records, oldest first
     * @return intact when every chain is; else the first broken chain's break, its name in the problem
     */
    public static LedgerVerification verifyAll(final Map<String, List<GovernanceRecord>> chains) {
        long total = chains.values().stream().mapToLong(List::size).sum();
        for (Map.Entry<String, List<GovernanceRecord>> chain : chains.entrySet()) {
            LedgerVerification result = RecordChains.verifySegment(chain.getValue());
            if (!result.intact()) {
                return new LedgerVerification(
                        false, total, result.firstBroken(), "in '" + chain.getKey() + "', " + result.problem());
            }
        }
        return new LedgerVerification(true, total, 0, "");
    }
}
