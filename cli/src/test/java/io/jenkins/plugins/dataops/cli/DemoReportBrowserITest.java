package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.report.Browser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** The demo's written report, opened in headless Chromium: timeline and every record of the ledger. */
class DemoReportBrowserITest {
    @Test
    void shouldShowTheTimelineAndAllRecordsOfTheDemo(@TempDir final Path dir) throws Exception {
        // Given the demo has run
        Path demo = dir.resolve("demo");
        StringWriter out = new StringWriter();
        int code = Main.run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                Map.of(),
                Clock.systemUTC(),
                "demo",
                "--dir",
                demo.toString());
        assertThat(code).as(out.toString()).isZero();
        Path report = demo.resolve(".dataops/governance-report.html");
        long records = Files.readAllLines(demo.resolve(".dataops/ledger.jsonl")).size();

        // Then the evidence the engine really wrote renders with its known-key layout, not as a generic dump
        String html = Files.readString(report);
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

        // When the report is opened in the browser
        try (Browser browser = Browser.start(dir)) {
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
