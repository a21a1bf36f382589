package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dataops.credentials.LedgerKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.governance.report.JobVerifications;
import io.jenkins.plugins.dataops.engine.policy.JobChains;
import io.jenkins.plugins.dataops.engine.policy.KeyedChains;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Re-chains the records a step produced on the agent (each call starts its own in-memory chain there) into
 * the job's chain on the controller: sequence numbers continue from the job's head and every record's
 * {@code prev} is the hash of the record before it in the job. Hashing is the engine's
 * ({@link RecordCodec#chain}), so plugin and CLI records are hashed alike.
 *
 * <p>Why per job: a job is the unit auditors and permissions work with, builds of different jobs never wait
 * for each other, and discarding old builds of one job cannot break another job's chain. Discarded builds
 * do leave a visible gap in their job's chain; keep builds of audited jobs (or archive them) for that
 * reason.</p>
 */
public final class JobChain {
    private JobChain() {}

    /**
     * Chains entries after a head.
     *
     * @param head the job's newest link
     * @param raw  the entries as produced on the agent, oldest first
     * @return the chained entries, in the same order
     */
    public static List<GovernanceEntry> chain(final ChainHead head, final List<GovernanceEntry> raw) {
        List<GovernanceRecord> records =
                raw.stream().map(GovernanceEntry::toRecord).toList();
        return JobChains.chain(head.toRecord(), records).stream()
                .map(GovernanceEntry::of)
                .toList();
    }

    /**
     * Verifies a job's chain with the ledger's rules.
     *
     * @param entries the job's records, oldest first
     * @return intact, or where and why it breaks
     */
    public static LedgerVerification verify(final List<GovernanceEntry> entries) {
        return JobChains.verify(entries.stream().map(GovernanceEntry::toRecord).toList());
    }

    /**
     * Verifies the newest part of a job's chain (one build's records, or the rows a page shows).
     *
     * @param entries the records, oldest first
     * @return intact, or where and why it breaks
     */
    public static LedgerVerification verifySegment(final List<GovernanceEntry> entries) {
        return verifyJobs(Map.of("this job", entries));
    }

    /**
     * Verifies one build's records, with the ledger key when one is configured.
     *
     * @param entries the records, oldest first
     * @param macs    record hash to MAC, as the build keeps them
     * @param key     the ledger key, null for none
     * @return intact (keyed or not), or where and why it breaks
     */
    public static LedgerVerification verifySegment(
            final List<GovernanceEntry> entries, final Map<String, String> macs, @CheckForNull final LedgerKey key) {
        return KeyedChains.verify(
                Map.of(
                        "this job",
                        entries.stream().map(GovernanceEntry::toRecord).toList()),
                macs,
                key);
    }

    /**
     * Verifies the records of several jobs, each job's records as the newest part of its chain.
     *
     * @param entriesPerJob job full name to its records, oldest first
     * @return intact when every job's chain is
     */
    public static LedgerVerification verifyJobs(final Map<String, List<GovernanceEntry>> entriesPerJob) {
        Map<String, List<GovernanceRecord>> chains = new LinkedHashMap<>();
        entriesPerJob.forEach((job, entries) ->
                chains.put(job, entries.stream().map(GovernanceEntry::toRecord).toList()));
        return JobChains.verifyAll(chains);
    }

    /**
     * Returns the head after some chained entries.
     *
     * @param head    the head before
     * @param chained the entries chained after it
     * @return the new head
     */
    public static ChainHead headAfter(final ChainHead head, final List<GovernanceEntry> chained) {
        return chained.isEmpty() ? head : new ChainHead(chained.get(chained.size() - 1));
    }

    /**
     * The check a report page runs on each job's chain: the ledger's rules, then, with a ledger key configured,
     * every record's MAC.
     *
     * @param macs the MACs of a job's records (record hash to MAC), loaded only when a key is configured
     * @return the check
     */
    public static JobVerifications.ChainCheck keyedCheck(final Function<String, Map<String, String>> macs) {
        return (job, chain) -> {
            LedgerKey key = LedgerKeys.configured();
            LedgerVerification chained = JobVerifications.verifyChain(chain);
            if (key == null || !chained.intact()) {
                return chained.keyed(key != null);
            }
            return KeyedChains.verify(Map.of(job, chain), macs.apply(job), key);
        };
    }
}
