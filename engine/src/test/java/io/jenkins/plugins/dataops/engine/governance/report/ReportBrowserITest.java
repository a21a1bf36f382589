package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The standalone page in a real browser, loaded from a file:// URL. */
class ReportBrowserITest {
    private static final Path DIRECTORY = Path.of("target", "report-browser");

    private static Browser browser;
    private static String intactPage;
    private static String brokenPage;
    private static String keyedPage;

    @BeforeAll
    static void writePagesAndStartBrowser() throws IOException {
        Files.createDirectories(DIRECTORY);
        ReportOptions options = ReportOptions.titled("Governance report: customer")
                .withPromotionPath(ReportFixtures.PRODUCT, ReportFixtures.PROMOTION)
                .withGeneratedAt(Instant.parse("2024-06-01T08:00:00Z"));
        intactPage = write("governance-report.html", options.withVerification(new LedgerVerification(true, 13, 0, "")));
        keyedPage = write(
                "governance-report-keyed.html",
                options.withVerification(new LedgerVerification(true, 13, 0, "").keyed(true)));
        brokenPage = write(
                "governance-report-broken.html",
                options.withVerification(
                        new LedgerVerification(false, 13, 7, "hash does not match its content (edited)")));
        browser = Browser.start(DIRECTORY);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldLoadWithoutConsoleErrors() {
        browser.open(intactPage);

        assertThat(browser.driver().getTitle()).isEqualTo("Governance report: customer");
        assertThat(browser.one(".dataops-report").getAttribute("class")).contains("dor-js");
        assertThat(browser.one(".dor-integrity").getText()).contains("Chain verified with 13 records");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldSayWhetherTheBannerVouchesAgainstSomeoneWithWriteAccess() {
        browser.open(intactPage);
        String unkeyed = browser.one(".dor-integrity").getText();
        browser.open(keyedPage);
        String keyed = browser.one(".dor-integrity").getText();

        assertThat(unkeyed)
                .contains("Unkeyed: detects accidents, not someone with write access")
                .doesNotContain("MAC");
        assertThat(keyed)
                .contains("Keyed: every record's MAC matches the ledger key")
                .doesNotContain("Unkeyed");
    }

    @Test
    void shouldDrawOneLanePerEnvironmentAndOneMarkerPerReleaseEvent() {
        browser.open(intactPage);

        WebElement customer = browser.all("figure.dor-timeline").get(1);
        assertThat(customer.findElement(By.tagName("figcaption")).getText()).startsWith("customer");
        assertThat(customer.findElements(By.cssSelector(".dor-lane")))
                .extracting(lane -> lane.getAttribute("data-env"))
                .containsExactly("dev", "qat", "prod", "pr-42");
        assertThat(customer.findElements(By.cssSelector(".dor-lane-label")))
                .extracting(WebElement::getText)
                .containsExactly("dev", "qat", "prod", "pr-42");
        assertThat(customer.findElements(By.cssSelector(".dor-marker")))
                .extracting(marker -> marker.getAttribute("data-seq"))
                .containsExactly("2", "4", "5", "6", "7", "9", "10", "11");
        assertThat(customer.findElements(By.cssSelector(".dor-marker.dor-fail")))
                .extracting(marker -> marker.getAttribute("data-seq") + " " + marker.getText())
                .containsExactly("6 1.4.2\npromote failed", "11 1.4.2\npromote refused");
        assertThat(customer.findElements(By.cssSelector(".dor-tag")))
                .extracting(WebElement::getText)
                .contains("1.4.1", "1.4.2", "1.5.0-pr42");
        assertThat(browser.all("figure.dor-timeline").get(0).findElements(By.cssSelector(".dor-marker")))
                .hasSize(1);
    }

    @Test
    void shouldFilterRowsOnTheClient() {
        browser.open(intactPage);
        assertThat(browser.visibleSequences()).hasSize(13);

        new Select(browser.one("select[name=env]")).selectByValue("prod");
        assertThat(browser.visibleSequences()).containsExactly("7", "11");
        assertThat(browser.one(".dor-count").getText()).isEqualTo("2 of 13 records");

        new Select(browser.one("select[name=outcome]")).selectByValue("refused");
        assertThat(browser.visibleSequences()).containsExactly("11");

        browser.one("button.dor-reset").click();
        assertThat(browser.visibleSequences()).hasSize(13);

        new Select(browser.one("select[name=action]")).selectByValue("promote");
        browser.one("input[name=actor]").sendKeys("BO");
        assertThat(browser.visibleSequences()).containsExactly("4", "6");

        browser.one("button.dor-reset").click();
        browser.fill("from", "2024-05-02");
        browser.fill("to", "2024-05-02");
        assertThat(browser.visibleSequences()).containsExactly("4", "5", "6");

        browser.one("button.dor-reset").click();
        browser.one("input[name=q]").sendKeys("cab-1234");
        assertThat(browser.visibleSequences()).containsExactly("7");

        browser.one("input[name=q]").sendKeys("no such text");
        assertThat(browser.visibleSequences()).isEmpty();
        assertThat(browser.one(".dor-empty").isDisplayed()).isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldShowHostileNamesAsText() {
        browser.open(intactPage);

        WebElement hostile = browser.one("tbody.dor-rec[data-seq='13']");
        List<String> cells = hostile.findElements(By.cssSelector(".dor-row td")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(cells.subList(2, 9))
                .containsExactly(
                        ReportFixtures.HOSTILE_PRODUCT,
                        ReportFixtures.HOSTILE_ENVIRONMENT,
                        "migrate",
                        "<i>9.9</i>",
                        "success",
                        ReportFixtures.HOSTILE_ACTOR,
                        "javascript:alert(4)");
        hostile.findElement(By.cssSelector(".dor-toggle")).click();
        assertThat(hostile.findElement(By.cssSelector(".dor-detail")).getText())
                .contains(ReportFixtures.HOSTILE_CHECK, "<script>window.pwned=5</script>");
        assertThat(browser.all("figure.dor-timeline")
                        .get(0)
                        .findElement(By.tagName("figcaption"))
                        .getText())
                .startsWith(ReportFixtures.HOSTILE_PRODUCT);
        assertThat(browser.all(".dataops-report img, .dataops-report script, .dataops-report b, .dor-ev svg"))
                .isEmpty();
        assertThat(browser.all(".dataops-report a"))
                .extracting(a -> a.getAttribute("href"))
                .allMatch(href -> href.startsWith("https://jenkins.example.com/"));
        browser.one("tbody.dor-rec[data-seq='13'] .dor-row td:nth-child(6)").click();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldOpenEvidenceFromTheTableAndFromTheTimeline() throws IOException {
        browser.open(intactPage);
        WebElement failed = browser.one("tbody.dor-rec[data-seq='6']");
        assertThat(failed.findElement(By.cssSelector(".dor-detail")).isDisplayed())
                .isFalse();

        failed.findElement(By.cssSelector(".dor-toggle")).click();

        WebElement detail = failed.findElement(By.cssSelector(".dor-detail"));
        assertThat(detail.isDisplayed()).isTrue();
        assertThat(detail.getText())
                .contains("Check results", "customer.id unique", "Gates evaluated", "tests passed in source");
        assertThat(detail.findElements(By.cssSelector(".dor-badge.dor-fail")))
                .extracting(WebElement::getText)
                .contains("fail", "false");

        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(DIRECTORY.resolve("governance-report.png"), 1700);

        browser.one("figure.dor-timeline:nth-of-type(2) .dor-marker[data-seq='7']")
                .click();
        WebElement approved = browser.one("tbody.dor-rec[data-seq='7']");
        assertThat(approved.getAttribute("class")).contains("dor-open");
        assertThat(approved.findElement(By.cssSelector(".dor-detail")).getText())
                .contains("Approved by", "dave", "CAB-1234 approved");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldShowTheBrokenChainBanner() throws IOException {
        browser.open(brokenPage);

        WebElement banner = browser.one(".dor-integrity");
        assertThat(banner.getAttribute("class")).contains("dor-fail");
        assertThat(banner.getAttribute("role")).isEqualTo("alert");
        assertThat(banner.getText())
                .startsWith("\u2716 Chain broken at record 7: hash does not match its content "
                        + "(edited). 13 records read; record 7 and everything after it cannot be trusted");
        assertThat(banner.getCssValue("background-color")).isEqualTo("rgba(255, 235, 233, 1)");
        browser.screenshot(DIRECTORY.resolve("governance-report-broken.png"), 500);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String write(final String name, final ReportOptions options) throws IOException {
        Path file = DIRECTORY.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new ReportRenderer().writePage(RecordSource.of(ReportFixtures.sample()), options, out);
        }
        return file.toAbsolutePath().toUri().toString();
    }
}
