package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.RecordChains;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Verifies the chain of each job a report page shows, with the ledger's rules ({@link RecordChains}), and
 * remembers the verdict until the job's chain changes: a page that shows 100 rows of 30 jobs reads those 30
 * jobs' records once, and the next page of the same jobs reads nothing. The caller names the chain's state
 * (for instance its newest sequence and its number of rows), so a new record, a deleted build or a rewritten
 * build file (its row count or head changes when the index is rebuilt) is verified again. Thread-safe.
 */
public final class JobVerifications {
    private final ConcurrentHashMap<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final ChainCheck check;

    /** How a job's chain is verified (a front end adds its own checks, such as MACs under a ledger key). */
    @FunctionalInterface
    public interface ChainCheck {
        /**
         * Verifies a job's chain.
         *
         * @param job   the job's full name
         * @param chain its records, oldest first
         * @return the verification; when broken, {@code firstBroken} is the sequence of the first broken record
         */
        LedgerVerification verify(String job, List<GovernanceRecord> chain);
    }

    /** Verifies with the ledger's rules only ({@link #verifyChain}). */
    public JobVerifications() {
        this((job, chain) -> verifyChain(chain));
    }

    /**
     * Verifies with a check of the caller's.
     *
     * @param check the check, e.g. {@link #verifyChain} followed by a MAC check
     */
    public JobVerifications(final ChainCheck check) {
        this.check = check;
    }

    /**
     * Verifies records as a chain with the ledger's rules (every record present links to the one before it;
     * records older than the oldest present one are not required).
     *
     * @param chain the records, oldest first
     * @return the verification; when broken, {@code firstBroken} is the sequence of the first broken record
     */
    public static LedgerVerification verifyChain(final List<GovernanceRecord> chain) {
        return bySequence(RecordChains.verifySegment(chain), chain);
    }

    private record Verdict(String state, LedgerVerification verification) {}

    /**
     * Verifies a job's records as its chain (every record present links to the one before it; records older
     * than the oldest present one, such as those of discarded builds, are not required).
     *
     * @param job     the job's full name
     * @param state   the chain's state, e.g. {@code "42:17"}; a new state verifies again
     * @param records loads the job's records, oldest first, when the chain must be verified
     * @return the verification; when broken, {@code firstBroken} is the sequence of the first broken record
     */
    public LedgerVerification verify(
            final String job, final String state, final Supplier<List<GovernanceRecord>> records) {
        Verdict known = verdicts.get(job);
        if (known != null && known.state().equals(state)) {
            return known.verification();
        }
        LedgerVerification verification = check.verify(job, records.get());
        verdicts.put(job, new Verdict(state, verification));
        return verification;
    }

    /**
     * The verifier names the first broken record by its position in the list; a page marks rows by their
     * sequence, and the two differ when older builds were discarded.
     */
    private static LedgerVerification bySequence(
            final LedgerVerification verification, final List<GovernanceRecord> chain) {
        if (verification.intact() || chain.isEmpty()) {
            return verification;
        }
        int position = (int) Math.min(Math.max(verification.firstBroken(), 1), chain.size());
        return new LedgerVerification(
                false, verification.records(), chain.get(position - 1).sequence(), verification.problem());
    }

    /** Forgets every verdict (after an index rebuild, when build files may have been restored). */
    public void clear() {
        verdicts.clear();
    }

    /**
     * Combines the verifications of several jobs into the one the report's banner shows: intact when every
     * job's chain is, else the first broken job's break with the job named in the problem.
     *
     * @param perJob job full name to its verification
     * @return the combined verification
     */
    public static LedgerVerification combine(final Map<String, LedgerVerification> perJob) {
        long total =
                perJob.values().stream().mapToLong(LedgerVerification::records).sum();
        for (Map.Entry<String, LedgerVerification> job : new LinkedHashMap<>(perJob).entrySet()) {
            LedgerVerification result = job.getValue();
            if (!result.intact()) {
                String problem = result.problem().startsWith("in '")
                        ? result.problem()
                        : "in '" + job.getKey() + "', " + result.problem();
                return new LedgerVerification(false, total, result.firstBroken(), problem);
            }
        }
        boolean keyed = !perJob.isEmpty() && perJob.values().stream().allMatch(LedgerVerification::keyed);
        return new LedgerVerification(true, total, 0, "", keyed);
    }
}
