package io.jenkins.plugins.dataops.report;

import io.jenkins.plugins.dataops.engine.governance.report.IndexRow;
import io.jenkins.plugins.dataops.model.GovernanceEntry;

/**
 * One row of a job's governance index file ({@link JobRecords}): the build that holds a record and the few fields
 * the report's table and filters need, never the evidence (which stays in {@code build.xml} and is loaded for
 * the rows a page shows). A plain class of strings and numbers, so XStream reads and writes it as is.
 */
public final class IndexedEntry {
    private final int build;
    private final long sequence;
    private final long timeMillis;
    private final String product;
    private final String environment;
    private final String action;
    private final String release;
    private final String outcome;
    private final String actor;
    private final String buildRef;

    private IndexedEntry(final int build, final GovernanceEntry entry) {
        this.build = build;
        this.sequence = entry.getSequence();
        this.timeMillis = entry.getTimeMillis();
        this.product = entry.getProduct();
        this.environment = entry.getEnvironment();
        this.action = entry.getAction();
        this.release = entry.getRelease();
        this.outcome = entry.getOutcome();
        this.actor = entry.getActor();
        this.buildRef = entry.getBuildRef();
    }

    /**
     * Returns the row of a record.
     *
     * @param build the number of the build that holds it
     * @param entry the record
     * @return its row
     */
    static IndexedEntry of(final int build, final GovernanceEntry entry) {
        return new IndexedEntry(build, entry);
    }

    /**
     * Returns the engine's row for the cross-job index.
     *
     * @param job the job's full name now (a renamed job keeps its file)
     * @return the row
     */
    IndexRow toRow(final String job) {
        return new IndexRow(
                job,
                build,
                sequence,
                timeMillis,
                text(product),
                text(environment),
                text(action),
                text(release),
                text(outcome),
                text(actor),
                text(buildRef));
    }

    /** A field missing from a hand-edited file reads as empty rather than failing the whole index. */
    private static String text(final String value) {
        return value == null ? "" : value;
    }

    public int getBuild() {
        return build;
    }

    public long getSequence() {
        return sequence;
    }
}
