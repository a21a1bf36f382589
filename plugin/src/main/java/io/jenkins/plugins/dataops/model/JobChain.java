package io.jenkins.plugins.dataops.model;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-chains the records a step produced on the agent (each call starts its own in-memory chain there) into
 * the job's chain on the controller: sequence numbers continue from the job's head and every record's
 * {@code prev} is the hash of the record before it in the job. Hashing is the engine's (see
 * {@link #link(long, long, GovernanceEntry, String)}), so {@code verify} treats plugin and CLI ledgers alike.
 *
 * <p>Why per job: a job is the unit auditors and permissions work with, builds of different jobs never wait
 * for each other, and discarding old builds of one job cannot break another job's chain. Discarded builds
 * do leave a visible gap in their job's chain; keep builds of audited jobs (or archive them) for that
 * reason.</p>
 */
public final class JobChain {
    private JobChain() {
    }

    /**
     * Chains entries after a head.
     *
     * @param head the job's newest link
     * @param raw  the entries as produced on the agent, oldest first
     * @return the chained entries, in the same order
     */
    public static List<GovernanceEntry> chain(final ChainHead head, final List<GovernanceEntry> raw) {
        List<GovernanceEntry> chained = new ArrayList<>(raw.size());
        long sequence = head.getSequence();
        String prev = head.getHash();
        for (GovernanceEntry entry : raw) {
            sequence++;
            GovernanceRecord record = link(sequence, entry.getTimeMillis(), entry, prev);
            GovernanceEntry linked = GovernanceEntry.of(record);
            chained.add(linked);
            prev = linked.getHash();
        }
        return chained;
    }

    /**
     * Returns the head after some chained entries.
     *
     * @param head    the head before
     * @param chained the entries chained after it
     * @return the new head
     */
    public static ChainHead headAfter(final ChainHead head, final List<GovernanceEntry> chained) {
        if (chained.isEmpty()) {
            return head;
        }
        GovernanceEntry last = chained.get(chained.size() - 1);
        return new ChainHead(last.getSequence(), last.getHash());
    }

    private static GovernanceRecord link(final long sequence, final long timeMillis, final GovernanceEntry entry,
            final String prev) {
        return EngineHashing.link(sequence, timeMillis, entry.toEvent(), prev);
    }
}
