package io.jenkins.plugins.dataops.engine.governance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.dataops.engine.governance.metrics.ChangeFailure;
import io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetrics;
import io.jenkins.plugins.dataops.engine.governance.metrics.Durations;
import io.jenkins.plugins.dataops.engine.governance.metrics.EnvironmentMetrics;
import io.jenkins.plugins.dataops.engine.governance.metrics.LeadTime;
import io.jenkins.plugins.dataops.engine.governance.metrics.ProductMetrics;
import io.jenkins.plugins.dataops.engine.governance.metrics.TestDay;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes the delivery metrics section: per product a table with one row per environment, each metric as a small
 * inline SVG chart (bars drawn with classes only, no inline style, no script) with its numbers beside it, and the
 * metrics as JSON in a data block ({@code dor-metrics-data}) for tools reading the page.
 */
final class MetricsHtml {
    /** Most releases a lead-time chart shows (the newest), and most days a data-test chart shows. */
    static final int CHART_ITEMS = 20;

    /** Most environments a product's table shows (the promotion path comes first). */
    static final int ROW_LIMIT = 30;

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final int BAR_WIDTH = 120;
    private static final int BAR_HEIGHT = 12;
    private static final int COLUMN = 6;
    private static final int CHART_HEIGHT = 24;

    private final HtmlWriter html;

    MetricsHtml(final HtmlWriter html) {
        this.html = html;
    }

    void write(final DeliveryMetrics metrics) {
        html.raw("<section class=\"dor-section dor-metrics\"><h3>Delivery metrics</h3>")
                .raw("<p class=\"dor-legend\">")
                .text("From " + metrics.outcomeRecords() + " outcome records (intents skipped) over "
                        + String.format(Locale.ROOT, "%.1f", metrics.windowDays()) + " days; "
                        + metrics.excludedUntrusted() + " untrusted records excluded. Days are UTC.")
                .raw("</p>\n");
        if (metrics.products().isEmpty()) {
            html.raw("<p class=\"dor-muted\">No deliveries recorded.</p>");
        }
        metrics.products().forEach(this::writeProduct);
        html.raw("</section>\n");
    }

    /**
     * Writes the metrics as JSON: a {@code script} data block in the standalone page (after the report, as the
     * records' data), a hidden {@code div} in the fragment (no script element there).
     */
    void writeData(final DeliveryMetrics metrics, final boolean dataBlock) {
        html.raw(
                dataBlock
                        ? "<script type=\"application/json\" class=\"dor-metrics-data\">"
                        : "<div class=\"dor-metrics-data\" hidden>");
        html.raw(safeJson(metrics));
        html.raw(dataBlock ? "</script>\n" : "</div>\n");
    }

    private void writeProduct(final ProductMetrics product) {
        html.raw("<figure class=\"dor-metrics-product\"")
                .attr("data-product", product.product())
                .raw("><figcaption>")
                .element("strong", "", product.product())
                .text(" \u00b7 lead time to the last environment (median): "
                        + Durations.readable(product.medianLeadTimeMillis()) + " over "
                        + product.leadTimes().size()
                        + " releases")
                .raw("</figcaption><div class=\"dor-table-wrap\"><table class=\"dor-metrics-table\"><thead><tr>")
                .raw("<th>Environment</th><th>Deployments</th><th>Change failure rate</th>")
                .raw("<th>Time to restore</th><th>Lead time</th><th>Data-test pass rate</th></tr></thead><tbody>");
        long most = product.environments().stream()
                .mapToLong(EnvironmentMetrics::deployments)
                .max()
                .orElse(0);
        List<EnvironmentMetrics> shown = product.environments()
                .subList(0, Math.min(ROW_LIMIT, product.environments().size()));
        for (EnvironmentMetrics environment : shown) {
            html.raw("<tr class=\"dor-metrics-row\"")
                    .attr("data-env", environment.environment())
                    .raw(">");
            html.raw("<th scope=\"row\">").text(environment.environment()).raw("</th>");
            writeDeployments(environment, most);
            writeFailureRate(environment);
            writeRestore(environment);
            writeLeadTime(environment);
            writeTests(environment);
            html.raw("</tr>");
        }
        html.raw("</tbody></table></div>");
        if (shown.size() < product.environments().size()) {
            html.raw("<p class=\"dor-muted\">")
                    .text("The first " + shown.size() + " of "
                            + product.environments().size()
                            + " environments shown; all of them are in the metrics JSON (dataops metrics --json).")
                    .raw("</p>");
        }
        html.raw("</figure>\n");
    }

    private void writeDeployments(final EnvironmentMetrics e, final long most) {
        long failed = e.failures().size();
        int good = scaled(e.deployments() - failed, most, BAR_WIDTH);
        int bad = scaled(failed, most, BAR_WIDTH);
        cell("dor-m-deployments");
        svg("dor-metric-svg", BAR_WIDTH, BAR_HEIGHT, "Deployments of " + e.environment());
        rect("dor-bar-bg", 0, 0, BAR_WIDTH, BAR_HEIGHT);
        rect("dor-bar-ok", 0, 0, good, BAR_HEIGHT);
        rect("dor-bar-fail", good, 0, bad, BAR_HEIGHT);
        html.raw("</svg>");
        number(e.deployments() + " (" + String.format(Locale.ROOT, "%.2f", e.deploymentsPerDay()) + "/day)");
        html.raw("</td>");
    }

    private void writeFailureRate(final EnvironmentMetrics e) {
        cell("dor-m-cfr");
        Double rate = e.changeFailureRate();
        svg("dor-metric-svg", BAR_WIDTH, BAR_HEIGHT, "Change failure rate of " + e.environment());
        rect("dor-bar-bg", 0, 0, BAR_WIDTH, BAR_HEIGHT);
        rect("dor-bar-fail", 0, 0, rate == null ? 0 : (int) Math.round(rate * BAR_WIDTH), BAR_HEIGHT);
        html.raw("</svg>");
        number(Durations.percent(rate) + " (" + e.failures().size() + " of " + e.deployments() + ")");
        html.raw("</td>");
    }

    private void writeRestore(final EnvironmentMetrics e) {
        cell("dor-m-restore");
        number("median " + Durations.readable(e.medianRestoreMillis()));
        List<ChangeFailure> open =
                e.failures().stream().filter(ChangeFailure::isOpen).toList();
        if (!open.isEmpty()) {
            html.raw(" ")
                    .element(
                            "span",
                            "dor-fail-text dor-m-open",
                            open.size() + " open since "
                                    + Instant.ofEpochMilli(open.get(0).failedAtMillis()));
        }
        html.raw("</td>");
    }

    private void writeLeadTime(final EnvironmentMetrics e) {
        cell("dor-m-lead");
        List<LeadTime> shown = newest(e.leadTimes());
        long longest = shown.stream().mapToLong(LeadTime::leadTimeMillis).max().orElse(0);
        if (!shown.isEmpty()) {
            svg("dor-metric-svg", shown.size() * COLUMN, CHART_HEIGHT, "Lead times into " + e.environment());
            for (int i = 0; i < shown.size(); i++) {
                int height = Math.max(1, scaled(shown.get(i).leadTimeMillis(), longest, CHART_HEIGHT));
                rect(
                        "dor-bar-lead",
                        i * COLUMN,
                        CHART_HEIGHT - height,
                        COLUMN - 1,
                        height,
                        shown.get(i).release() + ": "
                                + Durations.readable(shown.get(i).leadTimeMillis()));
            }
            html.raw("</svg>");
        }
        number("median " + Durations.readable(e.medianLeadTimeMillis()));
        html.raw("</td>");
    }

    private void writeTests(final EnvironmentMetrics e) {
        cell("dor-m-tests");
        List<TestDay> shown = newest(e.tests());
        if (!shown.isEmpty()) {
            svg("dor-metric-svg", shown.size() * COLUMN, CHART_HEIGHT, "Data-test pass rate of " + e.environment());
            for (int i = 0; i < shown.size(); i++) {
                TestDay day = shown.get(i);
                int height = Math.max(1, scaled(day.passed(), day.runs(), CHART_HEIGHT));
                rect("dor-bar-bg", i * COLUMN, 0, COLUMN - 1, CHART_HEIGHT, null);
                rect(
                        "dor-bar-test",
                        i * COLUMN,
                        CHART_HEIGHT - height,
                        COLUMN - 1,
                        height,
                        day.day() + ": " + day.passed() + " of " + day.runs() + " passed");
            }
            html.raw("</svg>");
        }
        Double rate = e.testRuns() == 0 ? null : (double) e.testsPassed() / e.testRuns();
        number(Durations.percent(rate) + " (" + e.testsPassed() + " of " + e.testRuns() + ")");
        html.raw("</td>");
    }

    private void cell(final String cssClass) {
        html.raw("<td").attr("class", cssClass).raw(">");
    }

    private void number(final String text) {
        html.raw(" ").element("span", "dor-m-value", text);
    }

    private void svg(final String cssClass, final int width, final int height, final String label) {
        html.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .attr("class", cssClass)
                .attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height))
                .attr("viewBox", "0 0 " + width + " " + height)
                .attr("aria-label", label)
                .raw(">");
    }

    private void rect(final String cssClass, final int x, final int y, final int width, final int height) {
        rect(cssClass, x, y, width, height, null);
    }

    private void rect(
            final String cssClass,
            final int x,
            final int y,
            final int width,
            final int height,
            final @Nullable String title) {
        html.raw("<rect")
                .attr("class", cssClass)
                .attr("x", Integer.toString(x))
                .attr("y", Integer.toString(y))
                .attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height));
        if (title == null) {
            html.raw("/>");
        } else {
            html.raw("><title>").text(title).raw("</title></rect>");
        }
    }

    private static <T> List<T> newest(final List<T> items) {
        return items.subList(Math.max(0, items.size() - CHART_ITEMS), items.size());
    }

    private static int scaled(final long value, final long whole, final int size) {
        return whole <= 0 ? 0 : (int) Math.round(value * (double) size / whole);
    }

    /**
     * The metrics as JSON without {@code <}, {@code >} or {@code &} (escaped as {@code \\u003c} and so on: they
     * can occur only inside strings), so the same text is safe inside a {@code script} element and as HTML text.
     */
    static String safeJson(final DeliveryMetrics metrics) {
        try {
            return JSON.writeValueAsString(metrics.toMap())
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
