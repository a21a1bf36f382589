package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
    private static final Pattern EVENT_HANDLER = Pattern.compile(
            "<[a-z][a-z0-9]*(?:\\s+[a-z:-]+(?:=\"[^\"]*\")?)*\\s+on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final List<GovernanceRecord> records = ReportFixtures.sample();
    private final ReportOptions options = ReportOptions.titled("Governance report")
            .withPromotionPath(ReportFixtures.PRODUCT, ReportFixtures.PROMOTION)
            .withGeneratedAt(Instant.parse("2024-06-01T00:00:00Z"));

    @Test
    void shouldWriteAFragmentWithoutScriptsStylesOrEventHandlers() throws IOException {
        String fragment = fragment(options.withVerification(new LedgerVerification(true, 13, 0, "")));

        assertThat(fragment)
                .startsWith("<div class=\"dataops-report\">")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase(" style=")
                .doesNotContainIgnoringCase("href=\"javascript:")
                .doesNotContain("<img")
                .doesNotContain("<svg onload");
        assertThat(EVENT_HANDLER.matcher(fragment).find())
                .as("an inline event handler")
                .isFalse();
        assertThat(EVENT_HANDLER.matcher("<img class=\"x\" onerror=\"y()\">").find())
                .as("the check itself")
                .isTrue();
    }

    @Test
    void shouldSayInTheBannerWhetherTheChainWasVerifiedWithTheLedgerKey() throws IOException {
        // When
        String unkeyed = fragment(options.withVerification(new LedgerVerification(true, 13, 0, "")));
        String keyed = fragment(options.withVerification(new LedgerVerification(true, 13, 0, "", true)));

        // Then
        assertThat(unkeyed)
                .contains("Chain verified")
                .contains("Unkeyed: detects accidents, not someone with write access")
                .doesNotContain("Keyed:");
        assertThat(keyed)
                .contains("Chain verified")
                .contains("Keyed: every record&#39;s MAC matches the ledger key")
                .doesNotContain("Unkeyed");
    }

    @Test
    void shouldEscapeHostileNamesEverywhere() throws IOException {
        String fragment = fragment(options);

        assertThat(fragment)
                .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;&gt;&lt;svg onload=window.pwned=3&gt;")
                .contains("&lt;b onmouseover=window.pwned=2&gt;rows&lt;/b&gt;")
                .contains("&lt;i&gt;9.9&lt;/i&gt;");
    }

    @Test
    void shouldInlineStylesheetAndScriptInTheStandalonePage() throws IOException {
        StringWriter out = new StringWriter();

        new ReportRenderer().writePage(RecordSource.of(records), options, out);

        assertThat(out.toString())
                .startsWith("<!DOCTYPE html>")
                .contains("<title>Governance report</title>")
                .contains(ReportResources.stylesheet())
                .contains(ReportResources.script())
                .endsWith("</html>\n");
        assertThat(ReportResources.script())
                .doesNotContainIgnoringCase("</script")
                .doesNotContain("eval(");
        assertThat(ReportResources.stylesheet()).doesNotContainIgnoringCase("</style");
    }

    @Test
    void shouldOrderLanesByPromotionPathThenOtherEnvironments() throws IOException {
        String fragment = fragment(options);

        String customer = fragment.substring(fragment.indexOf("data-product=\"customer\""));
        assertThat(lanes(customer.substring(0, customer.indexOf("</svg>"))))
                .containsExactly("dev", "qat", "prod", "pr-42");
        assertThat(count(customer.substring(0, customer.indexOf("</svg>")), "class=\"dor-marker "))
                .isEqualTo(8);
    }

    @Test
    void shouldMarkADriftedEnvironmentOnItsLaneWithTheFindingsAsEvidence() throws IOException {
        ReportFixtures.add(
                records,
                80,
                ReportFixtures.event(
                        "auditor",
                        Action.DRIFT,
                        "qat",
                        "1.1.0",
                        Outcome.DRIFTED,
                        Map.of(
                                EvidenceKeys.DRIFTED,
                                true,
                                EvidenceKeys.FINDINGS,
                                List.of(Map.of(
                                        EvidenceKeys.KIND, "column",
                                        EvidenceKeys.NAME, "CUSTOMER.VIP",
                                        EvidenceKeys.CHANGE, "added",
                                        EvidenceKeys.EXPECTED, "",
                                        EvidenceKeys.LIVE, "BOOLEAN NULL")))));

        String fragment = fragment(options);

        String svg = fragment.substring(fragment.indexOf("data-product=\"customer\""));
        svg = svg.substring(0, svg.indexOf("</svg>"));
        assertThat(svg)
                .containsPattern("<g class=\"dor-marker dor-warn dor-act-drift\" data-seq=\"\\d+\" data-env=\"qat\"")
                .contains("drift drifted");
        assertThat(fragment).contains("CUSTOMER.VIP", "BOOLEAN NULL");
    }

    @Test
    void shouldShowTheBrokenChainAndTheFilter() throws IOException {
        String fragment = fragment(options.withVerification(new LedgerVerification(false, 13, 7, "hash mismatch"))
                .withFilter(RecordFilter.all().withEnvironments(List.of("prod"))));

        assertThat(fragment)
                .contains("Chain broken at record 7:</strong> hash mismatch")
                .contains("Showing 2 records matching: environment prod.");
        assertThat(count(fragment, "<tbody class=\"dor-rec")).isEqualTo(2);
    }

    @Test
    void shouldSayPlainlyWhatAnUnkeyedChainProvesAndThatAKeyedOneHadItsMacsVerified() throws IOException {
        LedgerVerification unkeyed = new LedgerVerification(true, 13, 0, "");

        String without = fragment(options.withVerification(unkeyed));
        String with = fragment(options.withVerification(unkeyed.keyed(true)));
        String brokenWithout = fragment(options.withVerification(new LedgerVerification(false, 13, 7, "edited")));

        assertThat(without)
                .contains("Unkeyed: detects accidents, not someone with write access to the ledger, who can"
                        + " recompute every hash (configure a ledger key: DATAOPS_LEDGER_KEY")
                .doesNotContain("MAC matches");
        assertThat(count(without, "detects accidents")).as("said once").isEqualTo(1);
        assertThat(with)
                .contains("Keyed: every record&#39;s MAC matches the ledger key")
                .doesNotContain("Unkeyed");
        assertThat(brokenWithout).contains("Chain broken at record 7", "Unkeyed: detects accidents");
    }

    @Test
    void shouldSayWhenTheChainWasNotVerified() throws IOException {
        assertThat(fragment(options)).contains("Chain not verified.");
    }

    @Test
    void shouldKeepOnlyTheNewestMarkersAndSayHowManyThereWere() throws IOException {
        String fragment = fragment(options.withTimelineLimit(3));

        String customer = fragment.substring(fragment.indexOf("data-product=\"customer\""));
        assertThat(customer).contains("8 release events (the newest 3 shown)");
        assertThat(count(customer.substring(0, customer.indexOf("</svg>")), "class=\"dor-marker "))
                .isEqualTo(3);
        assertThatThrownBy(() -> options.withTimelineLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0'");
    }

    @Test
    void shouldReadTheSourceTwiceForHtmlAndOnceForExports() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        RecordSource counting = consumer -> {
            reads.incrementAndGet();
            records.forEach(consumer);
        };

        new ReportRenderer().writeFragment(counting, options, new StringWriter());
        new CsvExporter().export(counting, RecordFilter.all(), new StringWriter());
        new JsonExporter().export(counting, RecordFilter.all(), new StringWriter());

        assertThat(reads).hasValue(4);
    }

    @Test
    void shouldRenderEvidenceGenerically() throws IOException {
        String fragment = fragment(options);

        assertThat(fragment)
                .contains("<dt>Changesets</dt>")
                .contains("<table class=\"dor-ev-table dor-ev-known\" data-key=\"changeSets\"><thead><tr><th>id</th>"
                        + "<th>author</th><th>file</th><th>checksum</th><th>tag</th></tr>")
                .contains("<dt>Check results</dt>")
                .contains("<th>sampleRows</th>") // the rows themselves are in the run's sample file
                .contains("<span class=\"dor-badge dor-fail\">fail</span>")
                .contains("<dt>Gates evaluated</dt>")
                .contains("<dt>Approved by</dt><dd class=\"dor-ev-known\" data-key=\"approvedBy\">dave</dd>")
                .contains("<span class=\"dor-json-literal\">false</span>");
    }

    @Test
    void shouldRejectAnUnknownFormatAndResource() {
        assertThatThrownBy(() -> ReportFormat.parse("pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pdf'")
                .hasMessageContaining("html, csv, json");
        assertThatThrownBy(() -> ReportResources.open("x.js"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x.js'");
    }

    @Test
    void shouldLimitTableRowsToTheNewestButCountAndDrawEverything() throws IOException {
        String fragment = fragment(options.withRowLimit(2));

        assertThat(fragment).contains("Showing the newest 2 of 13 records").contains("13 records</output>");
        assertThat(count(fragment, "<tbody class=\"dor-rec")).isEqualTo(2);
        assertThat(fragment).contains("data-seq=\"12\" data-time").contains("data-seq=\"13\" data-time");
        assertThat(count(fragment, "class=\"dor-marker ")).isEqualTo(9);
        assertThat(options.rowLimit()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> options.withRowLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0'");
    }

    @Test
    void shouldLeaveTheRecordsToTheServerWhenTheFragmentNamesARecordsEndpoint() throws IOException {
        String fragment = fragment(options.withRecordsUrl("records"));

        assertThat(fragment)
                .startsWith("<div class=\"dataops-report\" data-records=\"records\">")
                .doesNotContain("dor-data")
                .doesNotContain("<tbody class=\"dor-rec")
                .doesNotContain("Showing the newest")
                .contains("Chain not verified yet.")
                .contains("13 records</output>");
        assertThat(count(fragment, "class=\"dor-marker ")).isEqualTo(9);
        assertThatThrownBy(() -> options.withRecordsUrl("javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Records URL 'javascript:alert(1)' is not a plain relative path; give one like 'records'.");
        assertThatThrownBy(() -> options.withRecordsUrl("//evil.example.com/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLabelBuildLinksShortly() {
        assertThat(RecordTable.buildLabel("https://ci.example.com/job/customer/job/main/103/"))
                .isEqualTo("customer \u00bb main #103");
        assertThat(RecordTable.buildLabel("https://ci.example.com/job/customer/"))
                .isEqualTo("customer");
        assertThat(RecordTable.buildLabel("https://ci.example.com/builds/42")).isEqualTo("builds/42");
        assertThat(RecordTable.buildLabel("https://ci.example.com/")).isEqualTo("https://ci.example.com/");
    }

    private String fragment(final ReportOptions reportOptions) throws IOException {
        StringWriter out = new StringWriter();
        new ReportRenderer().writeFragment(RecordSource.of(records), reportOptions, out);
        return out.toString();
    }

    private static List<String> lanes(final String svg) {
        List<String> lanes = new ArrayList<>();
        var matcher =
                Pattern.compile("<g class=\"dor-lane\" data-env=\"([^\"]*)\"").matcher(svg);
        while (matcher.find()) {
            lanes.add(matcher.group(1));
        }
        return lanes;
    }

    private static int count(final String text, final String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
