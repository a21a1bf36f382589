package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetrics;
import io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetricsCalculator;
import io.jenkins.plugins.dataops.engine.governance.metrics.MetricsScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Renders governance records as HTML: an integrity banner, one release timeline per product, the delivery metrics
 * of each product ({@link MetricsHtml}, computed from the records the report shows), a filterable table of records
 * and the evidence of each. Two forms:
 * <ul>
 *   <li>{@link #writePage}: a standalone, self-contained page (stylesheet and script inlined), for the CLI;</li>
 *   <li>{@link #writeFragment}: the same content without any script, style element or style attribute, for the
 *   Jenkins plugin to frame in its own page under Jenkins' Content-Security-Policy; the plugin serves
 *   {@link ReportResources#STYLESHEET} and {@link ReportResources#SCRIPT} as files next to it.</li>
 * </ul>
 * The records travel as compact JSON ({@link RecordTable}): the script shows one page of rows at a time and renders
 * evidence when a record is opened, so a report of 100,000 records stays light in the browser; the newest records
 * are also written as HTML rows with their evidence for a reader without JavaScript (at most {@link #STATIC_ROWS}
 * in the standalone page, the row limit in the fragment). Every value is escaped. The source is read twice
 * (summary and newest rows, then the data), each time as a stream, so memory does not grow with the number of
 * records. Thread-safe: it holds no state.
 */
public final class ReportRenderer {
    /** How many of the newest records the standalone page carries as HTML, for a reader without JavaScript. */
    static final long STATIC_ROWS = 100;

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
            writeContent(html, source, options, true, Math.min(options.rowLimit(), STATIC_ROWS));
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
            writeContent(html, source, options, false, options.rowLimit());
            html.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeContent(
            final HtmlWriter html,
            final RecordSource allRecords,
            final ReportOptions options,
            final boolean standalone,
            final long rowLimit) {
        boolean remote = !standalone && !options.recordsUrl().isEmpty();
        RecordSource source = allRecords.filter(options.filter());
        ReportSummary summary = new ReportSummary(options.timelineLimit());
        ArrayDeque<GovernanceRecord> newest = new ArrayDeque<>();
        DeliveryMetricsCalculator metrics = new DeliveryMetricsCalculator(metricsScope(options));
        source.forEach(record -> {
            summary.accept(record);
            metrics.accept(record);
            if (!remote) {
                RecordTable.keep(newest, record, rowLimit);
            }
        });

        html.raw("<div class=\"dataops-report\"");
        if (remote) {
            html.attr("data-records", options.recordsUrl());
        }
        html.raw(">\n<header class=\"dor-header\">")
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
        if (remote) {
            writePendingIntegrity(html);
        } else {
            writeIntegrity(html, options, summary);
        }
        writeTimelines(html, options, summary);
        DeliveryMetrics delivery = metrics.result();
        MetricsHtml metricsHtml = new MetricsHtml(html);
        metricsHtml.write(delivery);
        html.raw("<section class=\"dor-section dor-records\"><h3>Records</h3>\n");
        new FilterForm(html).write(summary);
        RecordTable table = new RecordTable(html, standalone, untrustedFrom(options));
        if (remote) {
            table.writeTable(newest, summary);
        } else {
            table.writeRows(newest, summary);
        }
        html.raw("</section>\n");
        if (!standalone) {
            if (!remote) {
                table.writeData(source);
            }
            metricsHtml.writeData(delivery, false);
        }
        html.raw("</div>\n");
        if (standalone) {
            table.writeData(source);
            metricsHtml.writeData(delivery, true);
        }
    }

    /** The metrics count what the report shows, along each product's path, and never an untrusted record. */
    private static MetricsScope metricsScope(final ReportOptions options) {
        MetricsScope scope = MetricsScope.all().untrustedFrom(untrustedFrom(options));
        for (var path : options.promotionPaths().entrySet()) {
            scope = scope.withPromotionPath(path.getKey(), path.getValue());
        }
        return scope;
    }

    /** The first record that cannot be trusted: the first broken one, or none when the chain is intact. */
    private static long untrustedFrom(final ReportOptions options) {
        return options.verification()
                .filter(verification -> !verification.intact())
                .map(LedgerVerification::firstBroken)
                .orElse(Long.MAX_VALUE);
    }

    /**
     * Says what the verification proves, as {@code verify-ledger} does: an unkeyed chain is recomputed by anyone
     * who can write the ledger, so green without a key means "no accident", not "no rewrite".
     */
    private static void writeKeyNote(final HtmlWriter html, final LedgerVerification verification) {
        if (verification.keyed()) {
            html.raw(" <span class=\"dor-keynote dor-keyed\">")
                    .text("Keyed: every record's MAC matches the ledger key, so a rewrite by someone without the key"
                            + " would show.")
                    .raw("</span>");
        } else {
            html.raw(" <span class=\"dor-keynote dor-unkeyed\">")
                    .text("Unkeyed: detects accidents, not someone with write access to the ledger, who can"
                            + " recompute every hash (configure a ledger key: DATAOPS_LEDGER_KEY on the command line,"
                            + " the ledger key credential in Jenkins).")
                    .raw("</span>");
        }
    }

    /** A server's page verifies the chains of the jobs each page of records shows; its script says the verdict. */
    private static void writePendingIntegrity(final HtmlWriter html) {
        html.raw("<section class=\"dor-integrity dor-warn\" role=\"status\"><strong>Chain not verified yet.</strong>")
                .raw(" <span class=\"dor-integrity-text\">Each page of records verifies the chains of its jobs")
                .raw(" when it loads.</span></section>\n");
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
        if (verification != null) {
            writeKeyNote(html, verification);
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
}
