package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The data-test, promotion, rollback and report commands, in-process on a copy of the example. */
class LifecycleCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void provisionTheExample() {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
        for (String env : List.of("dev", "qat", "prod")) {
            assertThat(dataops("provision", "--env", env).code()).isZero();
        }
    }

    @Test
    void shouldGiveTheSameResultsOnFourConnectionsAndRefuseThreadsOutOfRange() throws Exception {
        // Given the example at 1.1.0
        dataops("migrate", "--env", "dev", "--tag", "1.1.0");

        // When the suites run on one connection and on four
        CommandRun one = dataops("test", "--env", "dev", "--json", "--threads", "1");
        CommandRun four = dataops("test", "--env", "dev", "--json", "--threads", "4");

        // Then the results are the same, in the same order; 33 threads is bad usage, and nothing ran
        assertThat(four.code()).as(four.err()).isZero();
        assertThat(JSON.readTree(four.out()).get("results").findValuesAsText("check"))
                .isEqualTo(JSON.readTree(one.out()).get("results").findValuesAsText("check"));
        assertThat(JSON.readTree(four.out()).get("results").findValues("failingRows"))
                .isEqualTo(JSON.readTree(one.out()).get("results").findValues("failingRows"));
        CommandRun refused = dataops("test", "--env", "dev", "--threads", "33");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("'threads' is 33, out of range 1..32 (0 for the default)");
    }

    @Test
    void shouldRunEveryCheckTypeWithOneScanPerTableAndWriteJunitXml() throws Exception {
        // Given
        dataops("migrate", "--env", "dev", "--tag", "1.1.0");
        Path junit = dir.resolve("out.xml");

        // When
        CommandRun result = dataops("test", "--env", "dev", "--json", "--junit", junit.toString());

        // Then every check type ran, and the queries are one scan per suite plus the checks needing their own
        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        Set<String> types = new HashSet<>();
        json.get("results").forEach(r -> types.add(r.get("type").asText()));
        assertThat(types)
                .containsExactlyInAnyOrder(
                        "row_count",
                        "not_null",
                        "unique",
                        "accepted_values",
                        "range",
                        "pattern",
                        "relationships",
                        "freshness",
                        "schema",
                        "sql");
        assertThat(json.get("status").asText()).isEqualTo("pass");
        // customer: scan + two unique; orders: scan + unique + relationships + sql (the tier suite starts at 1.3.0)
        assertThat(json.get("scanQueries").asInt()).isEqualTo(3 + 4);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(json.get("results").size());
        assertThat(((Element) cases.item(0)).getAttribute("classname")).startsWith("dataops.dev.");
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void shouldExitWithOneShowingTheFailingChecksOfTheViolatingRelease() {
        // Given
        dataops("migrate", "--env", "dev", "--tag", "1.2.0", "--allow-no-rollback");

        // When
        CommandRun result = dataops("test", "--env", "dev");

        // Then
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "FAIL  customer.unique_email",
                        "FAIL  orders.amount_not_negative",
                        "observed 1 failing row",
                        "sample: ",
                        "BREACHED");
    }

    @Test
    void shouldPromoteOnlyWithEvidenceAndShowItInTheHistory() throws Exception {
        // Given
        dataops("migrate", "--env", "dev", "--tag", "1.1.0");

        // When promoting without test evidence, then with it
        CommandRun refused = dataops("promote", "--release", "1.1.0", "--from", "dev", "--to", "qat");
        dataops("test", "--env", "dev");
        CommandRun promoted = dataops("promote", "--release", "1.1.0", "--from", "dev", "--to", "qat");
        CommandRun unapproved = dataops("promote", "--release", "1.1.0", "--from", "qat", "--to", "prod");
        CommandRun approved = dataops(
                "promote", "--release", "1.1.0", "--from", "qat", "--to", "prod", "--approved-by", "bob", "--json");
        CommandRun rollback = dataops("rollback", "--env", "prod", "--to", "1.0.0");
        CommandRun history = dataops("history", "--env", "prod", "--json");

        // Then
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("refused", "no data test ran in 'dev'");
        assertThat(promoted.code()).as(promoted.err()).isZero();
        assertThat(unapproved.code()).isEqualTo(1);
        assertThat(unapproved.err()).contains("'prod' is protected");
        assertThat(approved.code()).as(approved.err()).isZero();
        JsonNode promotion = JSON.readTree(approved.out());
        assertThat(promotion.get("approver").asText())
                .as("the keys the promote step returns")
                .isEqualTo("bob");
        assertThat(promotion.get("verification").isTextual()).isTrue();
        assertThat(promotion.get("verificationDetails").get("passed").asBoolean())
                .isTrue();
        assertThat(promotion.get("changeSets").asInt())
                .isEqualTo(promotion.get("applied").get("changeSets").size());
        assertThat(promotion.get("applied").get("tagAfter").asText()).isEqualTo("1.1.0");
        assertThat(rollback.code()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back from '1.1.0' to '1.0.0'");
        JsonNode releases = JSON.readTree(history.out()).get("releases");
        List<String> steps = new ArrayList<>();
        releases.forEach(
                r -> steps.add(r.get("action").asText() + " " + r.get("release").asText()));
        assertThat(steps).containsExactly("promote 1.1.0", "test 1.1.0", "rollback 1.0.0", "test 1.0.0");
        releases.forEach(r -> assertThat(r.get("fingerprint").asText()).hasSize(64));
    }

    @Test
    void shouldExportOneRowPerLedgerRecord() throws Exception {
        // Given
        dataops("migrate", "--env", "dev", "--tag", "1.0.0");
        dataops("test", "--env", "dev");
        long records = Files.readAllLines(dir.resolve(".dataops/ledger.jsonl")).size();

        // When
        CommandRun csv = dataops("report", "--format", "csv");
        CommandRun json = dataops("report", "--format", "json");
        CommandRun html = dataops("report", "--out", dir.resolve("r.html").toString());
        CommandRun dev = dataops("report", "--format", "json", "--env", "dev");
        CommandRun bad = dataops("report", "--since", "yesterday");

        // Then
        assertThat(csv.out().strip().split("\n")).hasSize((int) records + 1);
        assertThat(JSON.readTree(json.out())).hasSize((int) records);
        assertThat(html.code()).isZero();
        assertThat(Files.readString(dir.resolve("r.html"))).contains("Chain verified");
        assertThat(JSON.readTree(dev.out())).hasSize((int) records - 4); // qat and prod: intent and outcome each
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("yesterday");
    }

    @ParameterizedTest
    @ValueSource(strings = {".dataops/ledger.jsonl", ".dataops/ledger.jsonl.head", "dataops.yaml", ".dataops/x.json"})
    void shouldRefuseToWriteTheReportOverTheStateOrTheSpec(final String target) throws Exception {
        // Given
        dataops("migrate", "--env", "dev", "--tag", "1.0.0");
        Path ledger = dir.resolve(".dataops/ledger.jsonl");
        byte[] before = Files.readAllBytes(ledger);
        byte[] specBefore = Files.readAllBytes(spec);

        // When
        CommandRun result = dataops(
                "report", "--format", "json", "--out", dir.resolve(target).toString());

        // Then
        assertThat(result.code()).as(result.out()).isEqualTo(2);
        assertThat(result.err()).contains("--out").contains(target.replace(".dataops/", ""));
        assertThat(Files.readAllBytes(ledger)).isEqualTo(before);
        assertThat(Files.readAllBytes(spec)).isEqualTo(specBefore);
        assertThat(dataops("verify-ledger").code()).isZero();
    }

    @Test
    void shouldCreateAndCollectEphemeralEnvironments() {
        // When
        CommandRun created = dataops("provision", "--env", "pr-9", "--ephemeral", "--ttl", "1s");
        CommandRun migrated = dataops("migrate", "--env", "pr-9", "--tag", "1.0.0");
        CommandRun badTtl = dataops("provision", "--env", "qat", "--ttl", "1h");

        // Then
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Ephemeral environment 'pr-9' expires at");
        assertThat(migrated.code()).isZero();
        assertThat(badTtl.code()).isEqualTo(2);
        assertThat(dir.resolve(".dataops/ephemeral/pr-9.json")).isRegularFile();
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"test", "promote", "rollback", "gc", "report"})
    void shouldPrintHelpForTheLifecycleCommands(final String command) {
        CommandRun result = dataops(command, "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: dataops " + command);
    }

    private CommandRun dataops(final String... args) {
        return CommandRun.of(spec, Map.of("DATAOPS_ACTOR", "alice"), args);
    }
}
