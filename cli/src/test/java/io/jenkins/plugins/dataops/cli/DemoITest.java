package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.report.Browser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * {@code dataops demo}, the slowest command, run once for the whole class over the folder of an earlier demo:
 * its tutorial output, the replaced folder, and its written report opened in headless Chromium.
 */
class DemoITest {
    private static final String STALE_RECORD = "{\"seq\":1,\"actor\":\"an-earlier-demo\"}";

    @TempDir
    private static Path dir;

    private static Path demo;
    private static int code;
    private static String out;
    private static String err;

    @BeforeAll
    static void runTheDemoWhereAnEarlierDemoRan() throws IOException {
        demo = dir.resolve("demo");
        Files.createDirectories(demo.resolve(".dataops"));
        Files.writeString(demo.resolve(".dataops-demo"), "created by 'dataops demo'\n");
        Files.writeString(demo.resolve(".dataops/ledger.jsonl"), STALE_RECORD + "\n");
        Files.writeString(demo.resolve("left-over.txt"), "from the earlier demo");
        StringWriter outWriter = new StringWriter();
        StringWriter errWriter = new StringWriter();
        code = Main.run(
                new PrintWriter(outWriter),
                new PrintWriter(errWriter),
                Map.of(),
                Clock.systemUTC(),
                "demo",
                "--dir",
                demo.toString());
        out = outWriter.toString();
        err = errWriter.toString();
    }

    @Test
    void shouldPrintEveryStepLikeATutorial() {
        assertThat(code).as(err).isZero();
        assertThat(out)
                .contains(
                        "$ dataops migrate --env dev --tag 1.2.0",
                        "(exit 1, as expected)",
                        "$ (by hand in qat, outside DataOps) ALTER TABLE customer ADD COLUMN vip BOOLEAN",
                        "$ dataops drift --env qat",
                        "Gate drift                REFUSED: environment 'qat' (release 1.0.0) has drifted",
                        "Environment 'qat' (release 1.0.0) matches its changelog: no drift.",
                        "data test: customer_segments.yaml:8 check 'known_tier' followed: rename column "
                                + "customer.segment to tier",
                        "$ dataops promote --release 1.1.0 --from qat --to prod --approved-by release-manager",
                        "$ dataops rollback --env prod",
                        "Ledger intact",
                        "Governance report written to",
                        "Demo finished.");
        // Warnings go to the error stream, where a terminal shows them between the steps
        assertThat(err)
                .contains("WARNING: Drift in 'qat': column CUSTOMER.VIP added: expected (none), live BOOLEAN NULL");
    }

    @Test
    void shouldReplaceTheEarlierDemoAndKeepOnlyItsOwnRecords() throws IOException {
        // The earlier demo's files are gone, and the ledger verified by the demo holds only this run's records
        List<String> records = Files.readAllLines(demo.resolve(".dataops/ledger.jsonl"));
        assertThat(demo.resolve("left-over.txt")).doesNotExist();
        assertThat(records).isNotEmpty().doesNotContain(STALE_RECORD);
        assertThat(out).contains("Ledger intact: " + records.size() + " records verified.");
        assertThat(demo.resolve(".dataops-demo")).isRegularFile();
        assertThat(demo.resolve(".dataops/governance-report.html")).isRegularFile();
    }

    @Test
    void shouldRenderTheEvidenceTheEngineWroteWithItsKnownKeyLayout() throws IOException {
        // The evidence the engine really wrote renders with its known-key layout, not as a generic dump
        String html = Files.readString(demo.resolve(".dataops/governance-report.html"));
        assertThat(html)
                .contains("<dt>Changesets</dt><dd class=\"dor-ev-known\" data-key=\"changeSets\">"
                        + "<table class=\"dor-ev-table dor-ev-known\" data-key=\"changeSets\"><thead><tr><th>id</th>"
                        + "<th>author</th><th>file</th><th>checksum</th>")
                .contains("<dt>Gates evaluated</dt><dd class=\"dor-ev-known\" data-key=\"gates\">"
                        + "<table class=\"dor-ev-table dor-ev-known\" data-key=\"gates\"><thead><tr><th>name</th>"
                        + "<th>passed</th><th>detail</th>")
                .contains("<dt>Approved by</dt><dd class=\"dor-ev-known\" data-key=\"approvedBy\">release-manager</dd>")
                .contains("<dt>Check results</dt><dd class=\"dor-ev-known\" data-key=\"checks\">"
                        + "<table class=\"dor-ev-table dor-ev-known\" data-key=\"checks\"><thead><tr><th>suite</th>"
                        + "<th>table</th><th>check</th><th>status</th>")
                .contains("<table class=\"dor-ev-table dor-ev-known\" data-key=\"sample\">")
                .contains("<span class=\"dor-badge dor-fail\">fail</span>")
                .doesNotContain("<dt>changeSets</dt>", "<dt>approvedBy</dt>", "<dt>checks</dt>", "<dt>gates</dt>");
    }

    @Test
    void shouldShowTheTimelineAndAllRecordsInTheBrowser(@TempDir final Path browserDir) throws Exception {
        // Given the demo's report and ledger
        Path report = demo.resolve(".dataops/governance-report.html");
        long records = Files.readAllLines(demo.resolve(".dataops/ledger.jsonl")).size();

        // When the report is opened in the browser
        try (Browser browser = Browser.start(browserDir)) {
            browser.open(report.toUri().toString());

            // Then it shows one lane per environment, release markers, every record, and no console error
            assertThat(browser.all("figure.dor-timeline .dor-lane"))
                    .extracting(l -> l.getAttribute("data-env"))
                    .containsExactly("dev", "qat", "prod", "pr-42");
            assertThat(browser.all("figure.dor-timeline .dor-marker")).hasSizeGreaterThanOrEqualTo(10);
            assertThat(browser.all("figure.dor-timeline .dor-marker.dor-fail")).isNotEmpty();
            assertThat(browser.all("tbody.dor-rec")).hasSize((int) records).allMatch(WebElement::isDisplayed);
            assertThat(browser.one(".dor-integrity").getText()).contains("Chain verified", records + " records");
            assertThat(browser.consoleErrors()).isEmpty();
            Path shots = Files.createDirectories(Paths.get("target", "demo-report"));
            browser.screenshot(shots.resolve("demo-governance-report.png"), 1600);
        }
    }
}
