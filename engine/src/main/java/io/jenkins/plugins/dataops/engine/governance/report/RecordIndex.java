package io.jenkins.plugins.dataops.engine.governance.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The governance records of many chains (a Jenkins controller's jobs) as small {@link IndexRow}s sorted by time,
 * for report pages that page and filter on the server: {@link #page} scans from the newest row, asks once per job
 * whether the reader may see it, and returns one page plus the number of matching rows. Rows are added when
 * they are recorded (appending is the common case: the newest record is the newest row), removed with their
 * build or job, and follow a renamed job. Thread-safe: every method holds the index's lock, and the rows it
 * returns are immutable.
 */
public final class RecordIndex {
    /** Time, then job and sequence, so that rows recorded in the same millisecond keep one order. */
    static final Comparator<IndexRow> ORDER = Comparator.comparingLong(IndexRow::timeMillis)
            .thenComparing(IndexRow::job)
            .thenComparingLong(IndexRow::sequence);

    private final ArrayList<IndexRow> rows = new ArrayList<>();

    /**
     * Adds rows (a build's new records).
     *
     * @param added the rows, in any order
     */
    public synchronized void add(final Collection<IndexRow> added) {
        for (IndexRow row : added) {
            if (rows.isEmpty() || ORDER.compare(rows.get(rows.size() - 1), row) <= 0) {
                rows.add(row);
            } else {
                int at = java.util.Collections.binarySearch(rows, row, ORDER);
                rows.add(at < 0 ? -at - 1 : at, row);
            }
        }
    }

    /**
     * Replaces every row of a job (after its rows were read again from its builds or its own file).
     *
     * @param job      the job's full name
     * @param jobRows  its rows now
     */
    public synchronized void replaceJob(final String job, final Collection<IndexRow> jobRows) {
        rows.removeIf(row -> row.job().equals(job));
        List<IndexRow> sorted = new ArrayList<>(jobRows);
        sorted.sort(ORDER);
        rows.addAll(sorted);
        rows.sort(ORDER); // one merge of two sorted runs
    }

    /**
     * Drops the rows of a deleted build; the job's chain shows the gap.
     *
     * @param job   the job's full name
     * @param build the build number
     * @return true when the index held rows of that build
     */
    public synchronized boolean removeBuild(final String job, final int build) {
        return rows.removeIf(row -> row.build() == build && row.job().equals(job));
    }

    /**
     * Drops the rows of a deleted job, or of every job inside a deleted folder.
     *
     * @param fullName the full name of the job or folder
     * @return true when the index held rows of it
     */
    public synchronized boolean removeJob(final String fullName) {
        String prefix = fullName + "/";
        return rows.removeIf(row -> row.job().equals(fullName) || row.job().startsWith(prefix));
    }

    /**
     * Moves the rows of a renamed or moved job (or of every job inside a renamed folder) to its new name.
     *
     * @param oldFullName the former full name
     * @param newFullName the full name now
     */
    public synchronized void moveJob(final String oldFullName, final String newFullName) {
        String prefix = oldFullName + "/";
        rows.replaceAll(row -> {
            if (row.job().equals(oldFullName)) {
                return row.movedTo(newFullName);
            }
            return row.job().startsWith(prefix)
                    ? row.movedTo(newFullName + row.job().substring(oldFullName.length()))
                    : row;
        });
        rows.sort(ORDER);
    }

    /**
     * Returns one page of the rows that match a query and that the reader may see, newest first.
     *
     * @param query    the filters, offset and limit
     * @param readable tells whether the reader may see a job's records; asked at most once per job
     * @return the page and the number of matching rows
     */
    public synchronized RecordPage page(final RecordQuery query, final Predicate<String> readable) {
        Map<String, Boolean> mayRead = new HashMap<>();
        List<IndexRow> page = new ArrayList<>();
        long total = 0;
        for (int i = rows.size() - 1; i >= 0; i--) {
            IndexRow row = rows.get(i);
            if (query.matches(row) && mayRead.computeIfAbsent(row.job(), readable::test)) {
                if (total >= query.offset() && page.size() < query.limit()) {
                    page.add(row);
                }
                total++;
            }
        }
        return new RecordPage(total, query.offset(), query.limit(), page);
    }

    /**
     * Returns every row the reader may see, oldest first (a snapshot: later changes do not show in it).
     *
     * @param readable tells whether the reader may see a job's records; asked at most once per job
     * @return the rows
     */
    public synchronized List<IndexRow> visible(final Predicate<String> readable) {
        Map<String, Boolean> mayRead = new HashMap<>();
        return rows.stream()
                .filter(row -> mayRead.computeIfAbsent(row.job(), readable::test))
                .toList();
    }

    /**
     * Returns the rows the reader may see as records without evidence or hash, for a report's summary, timelines
     * and metrics, which need no evidence; the page loads the evidence of the rows it shows.
     *
     * @param readable tells whether the reader may see a job's records
     * @return the source, read from a snapshot taken now
     */
    public RecordSource summarySource(final Predicate<String> readable) {
        List<IndexRow> snapshot = visible(readable);
        return consumer -> snapshot.forEach(row -> consumer.accept(row.toSummaryRecord()));
    }

    /**
     * Returns every record the reader may see, oldest first, each loaded from the store when it is read, for
     * exports that stream everything; a record whose build is gone is left out.
     *
     * @param readable tells whether the reader may see a job's records
     * @param store    where the full records are read
     * @return the source, over the rows of a snapshot taken now
     */
    public RecordSource exportSource(final Predicate<String> readable, final RecordStore store) {
        List<IndexRow> snapshot = visible(readable);
        return consumer -> snapshot.forEach(row -> store.record(row).ifPresent(consumer));
    }

    /**
     * Returns the rows of one job, oldest first.
     *
     * @param job the job's full name
     * @return its rows
     */
    public synchronized List<IndexRow> jobRows(final String job) {
        return rows.stream().filter(row -> row.job().equals(job)).toList();
    }

    /**
     * Counts the rows.
     *
     * @return how many rows the index holds
     */
    public synchronized int size() {
        return rows.size();
    }
}
