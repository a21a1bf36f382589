package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Renders governance records as HTML: an integrity banner, one release timeline per product, a filterable table of
 * records and the evidence of each. Two forms:
 * <ul>
 *   <li>{@link #writePage}: a standalone, self-contained page (stylesheet and script inlined), for the CLI;</li>
 *   <li>{@link #writeFragment}: the same content without any script, style element or style attribute, for the
 *   Jenkins plugin to frame in its own page under Jenkins' Content-Security-Policy; the plugin serves
 *   {@link ReportResources#STYLESHEET} and {@link ReportResources#SCRIPT} as files next to it.</li>
 * </ul>
 * Every value is escaped. The source is read twice (timeline aggregation, then rows), each time as a stream, so
 * memory does not grow with the number of records. Thread-safe: it holds no state.
 */
public final class ReportRenderer {
    private static final int COLUMNS = 10;

    /**
     * Writes a standalone HTML page with the stylesheet and the script inlined.
     *
     * @param source  the records, read twice
     * @param options title, verification, promotion paths, filter
     * @param out     where the page goes (not closed, flushed)
     * @throws IOException when writing fails
     * @throws io.jenkins.plugins.dataops.engine.kernel.DataOpsException when the source cannot be read
     */
    public void writePage(final RecordSource source, final ReportOptions options, final Writer out) throws IOException {
        try {
            HtmlWriter html = new HtmlWriter(out);
            html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                    .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .raw("<title>")
                    .text(options.title())
                    .raw("</title>\n<style>\n")
                    .raw(ReportResources.stylesheet())
                    .raw("</style></head>\n<body class=\"dor-page\">\n");
            writeContent(html, source, options);
            html.raw("\n<script>\n").raw(ReportResources.script()).raw("</script>\n</body></html>\n");
            html.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Writes the report as an HTML fragment (one {@code div}) with no inline script, style or event handler.
     * The page framing it must load {@link ReportResources#STYLESHEET} and {@link ReportResources#SCRIPT}.
     *
     * @param source  the records, read twice
     * @param options title, verification, promotion paths, filter
     * @param out     where the fragment goes (not closed, flushed)
     * @throws IOException when writing fails
     * @throws io.jenkins.plugins.dataops.engine.kernel.DataOpsException when the source cannot be read
     */
    public void writeFragment(final RecordSource source, final ReportOptions options, final Writer out)
            throws IOException {
        try {
            HtmlWriter html = new HtmlWriter(out);
            writeContent(html, source, options);
            html.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeContent(final HtmlWriter html, final RecordSource allRecords, final ReportOptions options) {
        RecordSource source = allRecords.filter(options.filter());
        ReportSummary summary = new ReportSummary(options.timelineLimit());
        source.forEach(summary);

        html.raw("<div class=\"dataops-report\">\n<header class=\"dor-header\">")
                .element("h2", "dor-title", options.title())
                .raw("<p class=\"dor-meta\">Generated ")
                .text(options.generatedAt().toString())
                .raw(" &#183; ")
                .number(summary.records())
                .raw(" records &#183; ")
                .element("span", summary.failures() > 0 ? "dor-fail-text" : "", summary.failures() + " failures");
        if (summary.records() > 0) {
            html.raw(" &#183; ")
                    .text(Instant.ofEpochMilli(summary.firstMillis()) + " to "
                            + Instant.ofEpochMilli(summary.lastMillis()));
        }
        html.raw("</p></header>\n");
        writeIntegrity(html, options, summary);
        writeTimelines(html, options, summary);
        html.raw("<section class=\"dor-section dor-records\"><h3>Records</h3>\n");
        new FilterForm(html).write(summary);
        writeTable(html, source, summary, options.rowLimit());
        html.raw("</section>\n</div>\n");
    }

    private void writeIntegrity(final HtmlWriter html, final ReportOptions options, final ReportSummary summary) {
        LedgerVerification verification = options.verification().orElse(null);
        if (verification == null) {
            html.raw("<section class=\"dor-integrity dor-warn\" role=\"status\"><strong>Chain not verified.</strong>")
                    .raw(" This report was produced without checking the ledger's hash chain.");
        } else if (verification.intact()) {
            html.raw(
                            "<section class=\"dor-integrity dor-ok\" role=\"status\"><strong>&#10004; Chain verified</strong> ")
                    .text("with " + verification.records() + " records: every hash and link is intact.");
        } else {
            html.raw(
                            "<section class=\"dor-integrity dor-fail\" role=\"alert\"><strong>&#10006; Chain broken at record ")
                    .number(verification.firstBroken())
                    .raw(":</strong> ")
                    .text(verification.problem())
                    .text(". " + verification.records() + " records read; record " + verification.firstBroken()
                            + " and everything after it cannot be trusted until the ledger is restored.");
        }
        if (!options.filter().isUnrestricted()) {
            html.raw("<br><span class=\"dor-muted\">")
                    .text("Showing " + summary.records() + " records matching: "
                            + options.filter().describe() + ".")
                    .raw("</span>");
        }
        html.raw("</section>\n");
    }

    private void writeTimelines(final HtmlWriter html, final ReportOptions options, final ReportSummary summary) {
        html.raw("<section class=\"dor-section dor-timelines\"><h3>Release timelines</h3>")
                .raw("<p class=\"dor-legend\"><span class=\"dor-key dor-key-apply\"></span>applied ")
                .raw("<span class=\"dor-key dor-key-promote\"></span>promoted ")
                .raw("<span class=\"dor-key dor-key-rollback\"></span>rolled back ")
                .raw("<span class=\"dor-key dor-key-fail\"></span>failed or refused ")
                .raw("<span class=\"dor-key dor-key-link\"></span>promotion path</p>\n");
        TimelineSvg svg = new TimelineSvg(html);
        boolean any = false;
        for (ProductTimeline timeline : summary.timelines()) {
            any = true;
            html.raw("<figure class=\"dor-timeline\"")
                    .attr("data-product", timeline.product())
                    .raw(">")
                    .raw("<figcaption>")
                    .element("strong", "", timeline.product())
                    .text(" \u00b7 " + timeline.releaseEvents() + " release events");
            if (timeline.releaseEvents() > timeline.markers().size()) {
                html.text(" (the newest " + timeline.markers().size() + " shown)");
            }
            html.raw("</figcaption><div class=\"dor-scroll\">");
            svg.write(timeline, timeline.lanes(options.promotionPath(timeline.product())));
            html.raw("</div></figure>\n");
        }
        if (!any) {
            html.raw("<p class=\"dor-muted\">No records.</p>");
        }
        html.raw("</section>\n");
    }

    private void writeTable(
            final HtmlWriter html, final RecordSource source, final ReportSummary summary, final long rowLimit) {
        long skip = Math.max(0, summary.records() - rowLimit);
        if (skip > 0) {
            html.raw("<p class=\"dor-note\">")
                    .text("Showing the newest " + rowLimit + " of " + summary.records()
                            + " records; narrow the report or use the CSV or JSON export for all of them.")
                    .raw("</p>\n");
        }
        html.raw("<div class=\"dor-table-wrap\"><table class=\"dor-table\"><thead><tr>")
                .raw("<th>#</th><th>Time (UTC)</th><th>Product</th><th>Environment</th><th>Action</th>")
                .raw("<th>Release</th><th>Outcome</th><th>Actor</th><th>Build</th><th></th></tr></thead>\n");
        EvidenceHtml evidence = new EvidenceHtml(html);
        long[] seen = {0};
        source.forEach(record -> {
            if (seen[0]++ >= skip) {
                writeRecord(html, evidence, record);
            }
        });
        html.raw("</table></div>\n<p class=\"dor-empty dor-muted\"");
        if (summary.records() > 0) {
            html.raw(" hidden");
        }
        html.raw(">No records match.</p>\n");
    }

    private void writeRecord(final HtmlWriter html, final EvidenceHtml evidence, final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        String outcomeClass = Outcome.kindOf(event.outcome()).cssClass();
        String time = Instant.ofEpochMilli(record.timeMillis()).toString();
        html.raw("<tbody class=\"dor-rec ")
                .raw(outcomeClass)
                .raw("\" data-seq=\"")
                .number(record.sequence())
                .raw("\" data-time=\"")
                .number(record.timeMillis())
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
                .raw("</td><td>")
                .text(event.actor())
                .raw("</td><td>");
        writeBuildRef(html, event.buildRef());
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

    private static void writeBuildRef(final HtmlWriter html, final String buildRef) {
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
