package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The records of a report: every record as compact JSON ({@link ReportData}) for the script, which renders only
 * the rows of the page in view and the evidence of a record when it is opened; and the newest records as HTML
 * rows with their evidence, for a reader without JavaScript (the script replaces them). One pass over the
 * source: the newest rows wait in a bounded queue filled during the summary pass, so memory does not grow with
 * the number of records. In the
 * standalone page the JSON sits in a {@code <script type="application/json">} data block right after the report's
 * element; in the fragment, which
 * may hold no script element at all, in a hidden {@code div} (the JSON holds no markup character, so the same
 * text reads the same in both).
 */
final class RecordTable {
    private static final int COLUMNS = 10;

    private final HtmlWriter html;
    private final boolean dataBlock;
    private final long untrustedFrom;

    /**
     * @param untrustedFrom the sequence of the first record that cannot be trusted (a broken chain): it and every
     *                      record after it are marked untrusted; {@link Long#MAX_VALUE} when the chain is intact
     */
    RecordTable(final HtmlWriter html, final boolean dataBlock, final long untrustedFrom) {
        this.html = html;
        this.dataBlock = dataBlock;
        this.untrustedFrom = untrustedFrom;
    }

    /** Keeps the newest {@code limit} records in {@code newest} (call once per record, in ledger order). */
    static void keep(final ArrayDeque<GovernanceRecord> newest, final GovernanceRecord record, final long limit) {
        newest.addLast(record);
        if (newest.size() > limit) {
            newest.removeFirst();
        }
    }

    /** Writes every record of the source as the JSON data block. */
    void writeData(final RecordSource source) {
        html.raw(
                dataBlock
                        ? "<script type=\"application/json\" class=\"dor-data\">"
                        : "<div class=\"dor-data\" hidden>");
        try (ReportData data = new ReportData(html, untrustedFrom)) {
            source.forEach(data::add);
        }
        html.raw(dataBlock ? "</script>\n" : "</div>\n");
    }

    /** Writes the table with the newest records as HTML rows, their evidence included. */
    void writeRows(final ArrayDeque<GovernanceRecord> newest, final ReportSummary summary) {
        if (summary.records() > newest.size()) {
            html.raw("<p class=\"dor-note dor-static-note\">")
                    .text("Showing the newest " + newest.size() + " of " + summary.records()
                            + " records; narrow the report or use the CSV or JSON export for all of them.")
                    .raw("</p>\n");
        }
        writeTable(newest, summary);
    }

    /** Writes the table with these rows and nothing above it (a server's page fills an empty table by script). */
    void writeTable(final ArrayDeque<GovernanceRecord> newest, final ReportSummary summary) {
        html.raw("<div class=\"dor-table-wrap\"><table class=\"dor-table\"><thead><tr>")
                .raw("<th>#</th><th>Time (UTC)</th><th>Product</th><th>Environment</th><th>Action</th>")
                .raw("<th>Release</th><th>Outcome</th><th>Actor</th><th>Build</th><th></th></tr></thead>\n");
        EvidenceHtml evidence = new EvidenceHtml(html);
        newest.forEach(record -> writeRecord(evidence, record));
        html.raw("</table></div>\n<p class=\"dor-empty dor-muted\"");
        if (summary.records() > 0) {
            html.raw(" hidden");
        }
        html.raw(">No records match.</p>\n");
    }

    private void writeRecord(final EvidenceHtml evidence, final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        String outcomeClass = Outcome.kindOf(event.outcome()).cssClass();
        String time = Instant.ofEpochMilli(record.timeMillis()).toString();
        boolean untrusted = record.sequence() >= untrustedFrom;
        html.raw("<tbody class=\"dor-rec ")
                .raw(outcomeClass)
                .raw(untrusted ? " dor-untrusted" : "")
                .raw("\" data-seq=\"")
                .number(record.sequence())
                .raw("\" data-time=\"")
                .number(record.timeMillis())
                .raw("\" id=\"record-")
                .number(record.sequence())
                .raw("\"")
                .attr("data-env", event.environment())
                .attr("data-action", event.action())
                .attr("data-outcome", event.outcome())
                .attr("data-actor", event.actor())
                .raw("><tr class=\"dor-row\"><td>")
                .number(record.sequence())
                .raw("</td><td><time")
                .attr("datetime", time)
                .raw(">")
                .raw(shownTime(time))
                .raw("</time></td><td>")
                .text(event.product())
                .raw("</td><td>")
                .text(event.environment())
                .raw("</td><td>")
                .text(event.action())
                .raw("</td><td>")
                .text(event.release())
                .raw("</td><td>")
                .element("span", "dor-badge " + outcomeClass, event.outcome())
                .raw(untrusted ? " <span class=\"dor-badge dor-fail dor-untrusted-badge\">untrusted</span>" : "")
                .raw("</td><td>")
                .text(event.actor())
                .raw("</td><td>");
        writeBuildRef(event.buildRef());
        html.raw("</td><td><button type=\"button\" class=\"dor-toggle\" aria-expanded=\"false\">Evidence</button>")
                .raw("</td></tr>\n<tr class=\"dor-detail\"><td colspan=\"")
                .number(COLUMNS)
                .raw("\"><div class=\"dor-detail-body\"><dl class=\"dor-ev dor-chain\"><dt>Hash</dt><dd>")
                .element("code", "", record.hash())
                .raw("</dd></dl>");
        evidence.write(event.evidence());
        html.raw("</div></td></tr></tbody>\n");
    }

    /** Turns {@code 2024-05-01T10:15:30.123Z} into {@code 2024-05-01 10:15:30} (digits only: no escaping needed). */
    private static String shownTime(final String iso) {
        return iso.length() < 19 ? iso : iso.substring(0, 10) + ' ' + iso.substring(11, 19);
    }

    private void writeBuildRef(final String buildRef) {
        if (buildRef.startsWith("https://") || buildRef.startsWith("http://")) {
            html.raw("<a rel=\"noopener noreferrer\"")
                    .attr("href", buildRef)
                    .attr("title", buildRef)
                    .raw(">")
                    .text(buildLabel(buildRef))
                    .raw("</a>");
        } else {
            html.text(buildRef);
        }
    }

    /**
     * Shortens a build URL for the table: {@code https://ci/job/customer/job/main/103/} reads
     * {@code customer » main #103}; other URLs show their path, at most 40 characters.
     */
    static String buildLabel(final String url) {
        int pathStart = url.indexOf('/', url.indexOf("//") + 2);
        if (pathStart < 0 || pathStart == url.length() - 1) {
            return url;
        }
        String[] segments = url.substring(pathStart + 1).split("/");
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if ("job".equals(segments[i]) && i + 1 < segments.length) {
                label.append(label.length() == 0 ? "" : " \u00bb ").append(segments[++i]);
            } else if (i == segments.length - 1 && label.length() > 0 && segments[i].matches("\\d+")) {
                label.append(" #").append(segments[i]);
            } else {
                return TimelineSvg.shorten(url.substring(pathStart + 1), 40);
            }
        }
        return label.length() == 0 ? url : label.toString();
    }
}
