package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import io.jenkins.plugins.dataops.engine.governance.report.ReportFormat;
import java.io.Writer;

/**
 * What {@link DataOps#writeReport} should write: the governance report of the session's ledger in a format,
 * filtered, to a writer the caller owns (and closes). Not serializable: it holds the writer, so it is made where
 * the report is written.
 */
public final class WriteReportRequest {
    private final ReportFormat format;
    private final RecordFilter filter;
    private final Writer out;

    private WriteReportRequest(final ReportFormat format, final RecordFilter filter, final Writer out) {
        this.format = Arguments.requireValue("format", format);
        this.filter = Arguments.requireValue("filter", filter);
        this.out = Arguments.requireValue("out", out);
    }

    /**
     * Writes every record.
     *
     * @param format html, csv or json
     * @param out    where to write (the caller closes it)
     * @return the request
     */
    public static WriteReportRequest of(final ReportFormat format, final Writer out) {
        return new WriteReportRequest(format, RecordFilter.all(), out);
    }

    /**
     * Writes only some records.
     *
     * @param records which records
     * @return a copy
     */
    public WriteReportRequest withFilter(final RecordFilter records) {
        return new WriteReportRequest(format, records, out);
    }

    public ReportFormat format() {
        return format;
    }

    public RecordFilter filter() {
        return filter;
    }

    public Writer out() {
        return out;
    }
}
