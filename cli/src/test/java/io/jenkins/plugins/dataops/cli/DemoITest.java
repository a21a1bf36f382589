package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.report.Browser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code dataops demo}, the slowest command, run once for the whole class over the folder of an earlier demo:
 * its tutorial output, the replaced folder, and its written report opened in headless Chromium.
 */
class DemoITest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
                // failing rows are in the run's sample file, named by the record, not in the ledger
                .contains("<th>sampleRows</th>", "evidence/samples-dev-")
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

    @Test
    void shouldComputeTheDemosDeliveryMetricsAsWorkedOutByHandFromItsSteps() throws IOException {
        // Given the demo's ledger, and what its steps did (DemoScript), with the times its records carry
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(demo.resolve(".dataops/ledger.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        long intents = records.stream()
                .filter(r -> r.get("outcome").asText().equals("intent"))
                .count();
        long devMigrated100 = time(records, "migrate", "dev", "1.0.0", "success");
        long devMigrated110 = time(records, "migrate", "dev", "1.1.0", "success");
        long devTestFailed120 = time(records, "test", "dev", "1.2.0", "failed");
        long devMigrated130 = time(records, "migrate", "dev", "1.3.0", "success");
        long qatPromoted100 = time(records, "promote", "qat", "1.0.0", "success");
        long qatPromoted110 = time(records, "promote", "qat", "1.1.0", "success");
        long prodPromoted100 = time(records, "promote", "prod", "1.0.0", "success");
        long prodPromoted110 = time(records, "promote", "prod", "1.1.0", "success");
        long prodRolledBack = time(records, "rollback", "prod", "1.0.0", "success");
        long first = records.get(0).get("time").asLong();
        long last = records.get(records.size() - 1).get("time").asLong();
        double days = Math.max(1.0, (last - first) / 86_400_000.0);

        // When the metrics are asked for
        StringWriter json = new StringWriter();
        StringWriter errors = new StringWriter();
        int exit = Main.run(
                new PrintWriter(json),
                new PrintWriter(errors),
                Map.of(),
                Clock.systemUTC(),
                "--spec",
                demo.resolve("dataops.yaml").toString(),
                "metrics",
                "--json");

        // Then they are what the steps did. dev: 1.0.0, 1.1.0, 1.2.0 (once allowed) and 1.3.0 deployed; 1.2.0's
        // tests failed and 1.3.0 restored it; 3 of its 4 test runs passed
        assertThat(exit).as(errors.toString()).isZero();
        JsonNode metrics = JSON.readTree(json.toString());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metrics.get("outcomeRecords").asLong()).isEqualTo(records.size() - intents);
        softly.assertThat(metrics.get("intents").asLong()).isEqualTo(intents);
        softly.assertThat(metrics.get("excludedUntrusted").asLong()).isZero();
        softly.assertThat(metrics.get("windowDays").asDouble()).isEqualTo(days);
        JsonNode product = metrics.get("products").get(0);
        softly.assertThat(product.get("product").asText()).isEqualTo("customer");
        JsonNode dev = environment(product, 0, "dev");
        softly.assertThat(dev.get("deployments").asLong()).isEqualTo(4);
        softly.assertThat(dev.get("deploymentsPerDay").asDouble()).isEqualTo(4 / days);
        softly.assertThat(dev.get("changeFailureRate").asDouble()).isEqualTo(0.25);
        softly.assertThat(dev.get("failures").get(0).get("release").asText()).isEqualTo("1.2.0");
        softly.assertThat(dev.get("failures").get(0).get("cause").asText()).isEqualTo("tests-failed");
        softly.assertThat(dev.get("medianRestoreMillis").asLong()).isEqualTo(devMigrated130 - devTestFailed120);
        softly.assertThat(dev.get("testRuns").asLong()).isEqualTo(4);
        softly.assertThat(dev.get("testsPassed").asLong()).isEqualTo(3);
        softly.assertThat(dev.get("leadTimes")).isEmpty();
        // qat: 1.0.0 and 1.1.0 promoted (the drift refusal delivered nothing), each verified by a passing test run
        JsonNode qat = environment(product, 1, "qat");
        softly.assertThat(qat.get("deployments").asLong()).isEqualTo(2);
        softly.assertThat(qat.get("failedDeployments").asLong()).isZero();
        softly.assertThat(qat.get("leadTimes"))
                .extracting(l -> l.get("leadTimeMillis").asLong())
                .containsExactly(qatPromoted100 - devMigrated100, qatPromoted110 - devMigrated110);
        softly.assertThat(qat.get("testPassRate").asDouble()).isEqualTo(1.0);
        // prod: 1.0.0 (once approved) and 1.1.0 promoted, 1.1.0 rolled back and no good release since: open
        JsonNode prod = environment(product, 2, "prod");
        softly.assertThat(prod.get("deployments").asLong()).isEqualTo(2);
        softly.assertThat(prod.get("changeFailureRate").asDouble()).isEqualTo(0.5);
        softly.assertThat(prod.get("failures").get(0).get("release").asText()).isEqualTo("1.1.0");
        softly.assertThat(prod.get("failures").get(0).get("failedAt").asText())
                .isEqualTo(Instant.ofEpochMilli(prodRolledBack).toString());
        softly.assertThat(prod.get("failures").get(0).get("restoredAt").isNull())
                .isTrue();
        softly.assertThat(prod.get("openFailures").asLong()).isEqualTo(1);
        softly.assertThat(prod.get("medianRestoreMillis").isNull()).isTrue();
        softly.assertThat(prod.get("testRuns").asLong()).isEqualTo(3);
        // the product's lead time is prod's: the median of its two releases' lead times
        long leadTime100 = prodPromoted100 - devMigrated100;
        long leadTime110 = prodPromoted110 - devMigrated110;
        softly.assertThat(product.get("leadTimes"))
                .extracting(l -> l.get("leadTimeMillis").asLong())
                .containsExactly(leadTime100, leadTime110);
        softly.assertThat(product.get("medianLeadTimeMillis").asLong())
                .isEqualTo(Math.floorDiv(leadTime100 + leadTime110, 2));
        // pr-42, off the path: 1.1.0 migrated and tested once
        JsonNode pr = environment(product, 3, "pr-42");
        softly.assertThat(pr.get("deployments").asLong()).isEqualTo(1);
        softly.assertThat(pr.get("leadTimes")).isEmpty();
        softly.assertThat(pr.get("testsPassed").asLong()).isEqualTo(1);
        softly.assertAll();
    }

    @Test
    void shouldShowTheDeliveryMetricsChartsWithTheirNumbersInTheBrowser(@TempDir final Path browserDir)
            throws Exception {
        // Given the demo's report
        Path report = demo.resolve(".dataops/governance-report.html");

        // When it is opened in the browser
        try (Browser browser = Browser.start(browserDir)) {
            browser.open(report.toUri().toString());

            // Then the metrics section shows a row per environment, with charts and the numbers beside them
            assertThat(browser.all(".dor-metrics-row"))
                    .extracting(r -> r.getAttribute("data-env"))
                    .containsExactly("dev", "qat", "prod", "pr-42");
            WebElement dev = browser.one(".dor-metrics-row[data-env='dev']");
            assertThat(dev.findElements(By.cssSelector("svg.dor-metric-svg"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(dev.findElements(By.cssSelector("rect.dor-bar-fail")))
                    .anyMatch(r -> Integer.parseInt(r.getAttribute("width")) > 0);
            assertThat(dev.getText()).contains("4 (", "25% (1 of 4)", "75% (3 of 4)");
            WebElement prod = browser.one(".dor-metrics-row[data-env='prod']");
            assertThat(prod.getText()).contains("50% (1 of 2)", "1 open since");
            assertThat(prod.findElements(By.cssSelector("rect.dor-bar-lead")))
                    .hasSize(2)
                    .allMatch(WebElement::isDisplayed);
            // And the page carries the same metrics as JSON
            assertThat(browser.script("return JSON.parse(document.querySelector('.dor-metrics-data').textContent)"
                            + ".products[0].environments[0].deployments"))
                    .isEqualTo(4L);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static long time(
            final List<JsonNode> records,
            final String action,
            final String environment,
            final String release,
            final String outcome) {
        return records.stream()
                .filter(r -> r.get("action").asText().equals(action)
                        && r.get("environment").asText().equals(environment)
                        && r.get("release").asText().equals(release)
                        && r.get("outcome").asText().equals(outcome))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no " + action + " " + outcome + " of " + release + " in " + environment))
                .get("time")
                .asLong();
    }

    private static JsonNode environment(final JsonNode product, final int index, final String name) {
        JsonNode environment = product.get("environments").get(index);
        assertThat(environment.get("environment").asText()).isEqualTo(name);
        return environment;
    }
}
