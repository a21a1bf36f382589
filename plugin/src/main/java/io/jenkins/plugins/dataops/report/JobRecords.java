package io.jenkins.plugins.dataops.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.XmlFile;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.dataops.engine.governance.report.IndexRow;
import io.jenkins.plugins.dataops.model.ChainHead;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * A job's governance index, kept next to the job in {@code <job dir>/dataops-governance.xml}: the head of the
 * job's chain (its newest record, to chain the next build's records after it) and one small row per record. The
 * file moves and is deleted with the job's directory; it is derived from the builds ({@link #scan}) and can be
 * rebuilt from them at any time. Not thread-safe: {@link GovernanceIndex} holds the job's lock around its use.
 */
final class JobRecords {
    /** The file's name in the job's directory. */
    static final String FILE = "dataops-governance.xml";

    @CheckForNull
    private ChainHead head;

    @CheckForNull
    private ArrayList<IndexedEntry> rows;

    private JobRecords() {
        head = ChainHead.EMPTY;
        rows = new ArrayList<>();
    }

    /** XStream sets no field a file lacks: an old or partial file reads as an empty chain. */
    private Object readResolve() {
        if (head == null) {
            head = ChainHead.EMPTY;
        }
        if (rows == null) {
            rows = new ArrayList<>();
        }
        return this;
    }

    static XmlFile file(final Job<?, ?> job) {
        return new XmlFile(Jenkins.XSTREAM2, new File(job.getRootDir(), FILE));
    }

    /**
     * Reads a job's file.
     *
     * @param job the job
     * @return its records, null when the job has no file
     * @throws IOException when the file exists but cannot be read
     */
    @CheckForNull
    static JobRecords read(final Job<?, ?> job) throws IOException {
        XmlFile file = file(job);
        if (!file.exists()) {
            return null;
        }
        try {
            return (JobRecords) file.read();
        } catch (ClassCastException e) {
            throw new IOException("'" + file + "' is not a DataOps governance index; delete it to rebuild it", e);
        }
    }

    /**
     * Builds a job's records from its builds (the source of truth): every build is loaded.
     *
     * @param job the job
     * @return its records
     */
    static JobRecords scan(final Job<?, ?> job) {
        JobRecords records = new JobRecords();
        List<Run<?, ?>> builds = new ArrayList<>(job.getBuilds());
        java.util.Collections.reverse(builds); // oldest first, so the head ends at the newest record
        for (Run<?, ?> run : builds) {
            GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
            if (action != null) {
                records.append(run.getNumber(), action.getEntries());
            }
        }
        return records;
    }

    /** The engine's rows of records a build just recorded. */
    static List<IndexRow> rowsOf(final String job, final int build, final List<GovernanceEntry> chained) {
        return chained.stream()
                .map(entry -> IndexedEntry.of(build, entry).toRow(job))
                .toList();
    }

    void save(final Job<?, ?> job) throws IOException {
        file(job).write(this);
    }

    ChainHead head() {
        return head;
    }

    /**
     * Adds a build's chained records and moves the head past them.
     *
     * @param build   the build number
     * @param chained the records, oldest first
     */
    void append(final int build, final List<GovernanceEntry> chained) {
        for (GovernanceEntry entry : chained) {
            rows.add(IndexedEntry.of(build, entry));
            if (entry.getSequence() > head.getSequence()) {
                head = new ChainHead(entry);
            }
        }
    }

    /**
     * Drops a deleted build's rows; the head stays, so the next record still follows the newest one.
     *
     * @param build the build number
     * @return true when there were rows of that build
     */
    boolean removeBuild(final int build) {
        return rows.removeIf(row -> row.getBuild() == build);
    }

    /** The rows as the engine's index rows, under the job's current name. */
    List<IndexRow> rows(final String job) {
        return rows.stream().map(row -> row.toRow(job)).toList();
    }

    /** The build numbers that hold records, oldest first, to load the job's chain for verification. */
    List<Integer> builds() {
        return rows.stream().map(IndexedEntry::getBuild).distinct().sorted().toList();
    }
}
