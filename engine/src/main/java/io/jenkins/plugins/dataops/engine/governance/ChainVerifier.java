package io.jenkins.plugins.dataops.engine.governance;

import org.jspecify.annotations.Nullable;

/**
 * Walks a chain of records in order and remembers the first one that breaks it: a wrong sequence (deleted or
 * reordered), a {@code prev} that is not the hash of the record before (deleted, reordered or edited before
 * it), or a hash that does not match the content (edited).
 */
final class ChainVerifier {
    private long position;
    private String expectedPrev = GovernanceRecord.GENESIS;
    private long firstBroken;
    private String problem = "";

    void accept(final GovernanceRecord record) {
        accept(record, null);
    }

    /**
     * Checks the next record, with the hash its content gives when the reader already computed it (from the
     * line's bytes), so the record is not serialised again.
     *
     * @param record      the next record
     * @param contentHash the hash of its content, or null to compute it from the record
     */
    void accept(final GovernanceRecord record, final @Nullable String contentHash) {
        position++;
        if (firstBroken > 0) {
            return;
        }
        if (record.sequence() != position) {
            fail("expected sequence " + position + " but found " + record.sequence()
                    + " (a record was deleted or the records were reordered)");
        } else if (!record.prev().equals(expectedPrev)) {
            fail("its 'prev' does not match the hash of record " + (position - 1)
                    + " (a record before it was edited, deleted or reordered)");
        } else if (!(contentHash != null ? contentHash : RecordCodec.hash(record)).equals(record.hash())) {
            fail("its content does not match its hash (the record was edited)");
        }
        expectedPrev = record.hash();
    }

    /**
     * Marks the record just accepted as broken when a check outside the chain (its MAC) found a problem.
     *
     * @param problem what is wrong, empty when nothing is
     */
    void requireEmpty(final String problem) {
        if (!problem.isEmpty() && firstBroken == 0) {
            fail(problem);
        }
    }

    /**
     * Marks the current position as broken for a reason found outside the chain (an unreadable line).
     *
     * @param reason what is wrong
     */
    void breakHere(final String reason) {
        position++;
        if (firstBroken == 0) {
            fail(reason);
        }
    }

    /**
     * Marks a break after the last record (fewer records than the head says).
     *
     * @param reason what is wrong
     */
    void breakAfterEnd(final String reason) {
        if (firstBroken == 0) {
            firstBroken = position + 1;
            problem = reason;
        }
    }

    String lastHash() {
        return expectedPrev;
    }

    long position() {
        return position;
    }

    LedgerVerification result(final long records) {
        return new LedgerVerification(firstBroken == 0, records, firstBroken, problem);
    }

    private void fail(final String reason) {
        firstBroken = position;
        problem = reason;
    }
}
