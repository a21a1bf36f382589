package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's delivery metrics section, in the fragment the plugin frames and in the standalone page. */
class MetricsHtmlTest {
    private static final Pattern ROW = Pattern.compile("<tr class=\"dor-metrics-row\" data-env=\"([^\"]*)\">");
    private static final String HIDDEN_DATA = "<div class=\"dor-metrics-data\" hidden>";
    private static final String SCRIPT_DATA = "<script type=\"application/json\" class=\"dor-metrics-data\">";

    @Test
    void shouldDrawTheMetricsWithClassesOnlyAndEscapeEveryName() throws IOException {
        // Given the sample ledger, with a hostile product and environment
        // When the fragment is written
        String html = fragment(options());

        // Then the section has a row per environment, the path first, charts with classes and no inline style
        String section = section(html);
        assertThat(rows(section)).containsSubsequence("dev", "qat", "prod", "pr-42");
        assertThat(section)
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"dor-metric-svg\"")
                .contains("class=\"dor-bar-ok\"")
                .doesNotContain("style=", "<script", "<style")
                .doesNotContain(ReportFixtures.HOSTILE_PRODUCT, ReportFixtures.HOSTILE_ENVIRONMENT)
                .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;");
        // And qat's failed promotion and the rollback of its remains are a failed attempt, not a failed change
        String data = data(html, HIDDEN_DATA, "</div>");
        assertThat(data)
                .contains("\"environment\":\"qat\",\"deployments\":1,")
                .contains("\"failedDeployments\":0,\"changeFailureRate\":0.0,\"failedAttempts\":1");
        // And the JSON carries no markup character raw
        assertThat(data).doesNotContain("<", ">", "&");
    }

    @Test
    void shouldExcludeAndCountTheRecordsFromTheFirstBrokenLinkOn() throws IOException {
        // Given the sample ledger of 13 records, broken at record 7
        ReportOptions broken = options().withVerification(new LedgerVerification(false, 13, 7, "edited"));

        // When the fragment is written
        String html = fragment(broken);

        // Then records 7 to 13 are not counted, and the section says so
        assertThat(data(html, HIDDEN_DATA, "</div>")).contains("\"outcomeRecords\":6,", "\"excludedUntrusted\":7,");
        assertThat(section(html))
                .contains("From 6 outcome records (intents skipped) over")
                .contains("7 untrusted records excluded");
    }

    @Test
    void shouldCarryTheMetricsAsAJsonDataBlockAfterTheStandaloneReport() throws IOException {
        // When the standalone page is written
        StringWriter out = new StringWriter();
        new ReportRenderer().writePage(RecordSource.of(ReportFixtures.sample()), options(), out);

        // Then the metrics travel in a JSON script block after the report, which no value can end
        String page = out.toString();
        assertThat(page.indexOf(SCRIPT_DATA)).isGreaterThan(page.indexOf("</section>\n</div>"));
        assertThat(data(page, SCRIPT_DATA, "</script>"))
                .startsWith("{\"windowStart\":")
                .contains("\"product\":\"\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e\"");
    }

    private static ReportOptions options() {
        return ReportOptions.titled("Governance report: customer")
                .withPromotionPath(ReportFixtures.PRODUCT, ReportFixtures.PROMOTION);
    }

    private static String fragment(final ReportOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new ReportRenderer().writeFragment(RecordSource.of(ReportFixtures.sample()), options, out);
        return out.toString();
    }

    private static String section(final String html) {
        int start = html.indexOf("<section class=\"dor-section dor-metrics\">");
        assertThat(start).as("the metrics section").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String data(final String html, final String start, final String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from + start.length(), html.indexOf(end, from));
    }

    private static List<String> rows(final String section) {
        List<String> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(section);
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }
}
