package io.jenkins.plugins.dataops.engine.governance.report;

import java.util.List;

/**
 * One page of index rows, newest first, and how many rows matched in all (the page's script shows "records
 * 101-200 of 5,000" and pages on from there).
 *
 * @param total  how many rows the reader may see that match the query
 * @param offset how many of the newest matching rows come before this page
 * @param limit  the page size asked for
 * @param rows   the rows of this page, newest first
 */
public record RecordPage(long total, long offset, int limit, List<IndexRow> rows) {
    /** Copies the rows, so the page does not change with the index. */
    public RecordPage {
        rows = List.copyOf(rows);
    }
}
