package io.jenkins.plugins.dataops.engine.governance.report.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.Browser;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A 100,000-record standalone report, generated from the synthetic ledger, in a real browser. */
class LargeReportBrowserITest {
    private static final Path DIRECTORY = Path.of("target", "report-large");
    private static final int RECORDS = 100_000;

    private static Browser browser;
    private static String page;

    @BeforeAll
    static void writePageAndStartBrowser() throws IOException {
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve("governance-report-100k.html");
        ReportOptions options = ReportOptions.titled("Governance report: 100,000 records")
                .withVerification(new LedgerVerification(true, RECORDS, 0, ""))
                .withGeneratedAt(Instant.parse("2024-06-01T08:00:00Z"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new ReportRenderer().writePage(new SyntheticLedger(RECORDS), options, out);
        }
        page = file.toAbsolutePath().toUri().toString();
        browser = Browser.start(DIRECTORY);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowTheNewestRowsFilterToOneRecordAndOpenItsEvidence() {
        browser.open(page);

        assertThat(browser.visibleSequences())
                .containsExactlyElementsOf(IntStream.rangeClosed(RECORDS - 99, RECORDS)
                        .mapToObj(String::valueOf)
                        .toList());
        assertThat(browser.one(".dor-count").getText()).isEqualTo("100000 records");
        assertThat(browser.one(".dor-page-pos").getText())
                .isEqualTo("Records 99901\u2013100000 of 100000 (page 1000 of 1000)");

        browser.one("input[name=q]").sendKeys("cs-77777-1");

        assertThat(browser.visibleSequences()).containsExactly("77777");
        assertThat(browser.one(".dor-count").getText()).isEqualTo("1 of 100000 records");
        WebElement record = browser.one("tbody.dor-rec[data-seq='77777']");
        assertThat(record.findElement(By.cssSelector(".dor-detail")).isDisplayed())
                .isFalse();
        record.findElement(By.cssSelector(".dor-toggle")).click();
        WebElement detail = record.findElement(By.cssSelector(".dor-detail"));
        assertThat(detail.isDisplayed()).isTrue();
        assertThat(detail.getText()).contains("Changesets", "cs-77777-1", "cs-77777-2", "Check results", "id unique");
        assertThat(browser.all("tbody.dor-rec .dor-detail-body dl")).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldOpenARecordFromADeepLink() {
        browser.open(page + "#record-1234");

        WebElement record = browser.one("#record-1234");
        assertThat(record.getAttribute("class")).contains("dor-open");
        assertThat(record.findElement(By.cssSelector(".dor-detail")).getText()).contains("cs-1234-1");
        List<String> rows = browser.visibleSequences();
        assertThat(rows).hasSize(100).contains("1234");
        assertThat(browser.all("tbody.dor-rec")).hasSize(100);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldKeepTheNewestRowsReadableWithoutJavaScript() throws IOException {
        String html = Files.readString(DIRECTORY.resolve("governance-report-100k.html"), StandardCharsets.UTF_8);

        assertThat(html).contains("Showing the newest 100 of 100000 records");
        assertThat(html.split("<tbody class=\"dor-rec", -1)).hasSize(101);
        assertThat(html).contains("id=\"record-100000\"").contains("<dt>Changesets</dt>");
        assertThat(html).doesNotContain("id=\"record-99900\"");
    }
}
