package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void copyTheExample() {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
    }

    @Test
    void shouldProvisionMigrateAndReportOnTheEmbeddedDefault() throws IOException {
        // Given
        assertThat(dataops("provision", "--env", "dev").code()).isZero();

        // When
        CommandRun migrate = dataops("migrate", "--env", "dev", "--tag", "1.1.0");
        CommandRun status = dataops("status", "--env", "dev", "--json");
        CommandRun history = dataops("history", "--env", "dev", "--json");
        CommandRun verify = dataops("verify-ledger");

        // Then
        assertThat(migrate.code()).isZero();
        assertThat(migrate.out()).contains("Environment 'dev' is at release '1.1.0' (7 changeset(s) applied");
        assertThat(status.code()).isZero();
        JsonNode statusJson = JSON.readTree(status.out());
        assertThat(statusJson.get("currentTag").asText()).isEqualTo("1.1.0");
        assertThat(statusJson.get("applied").asInt()).isEqualTo(7);
        assertThat(statusJson.get("pending")).hasSize(6);
        assertThat(statusJson.get("pending").get(0).get("id").asText()).isEqualTo("8-backfill-segment");
        assertThat(statusJson.get("pending").get(0).get("rollbackSupported").asBoolean())
                .isFalse();
        assertThat(history.code()).isZero();
        JsonNode historyJson = JSON.readTree(history.out());
        assertThat(historyJson.get("changeSets")).hasSize(7);
        assertThat(historyJson.get("releases")).hasSize(1);
        assertThat(historyJson.get("releases").get(0).get("release").asText()).isEqualTo("1.1.0");
        assertThat(historyJson.get("releases").get(0).get("actor").asText()).isEqualTo("env-actor");
        assertThat(verify.code()).isZero();
        assertThat(verify.out()).contains("Ledger intact: 4 records verified."); // two intents, two outcomes
    }

    @Test
    void shouldPrintThePlanAndTheSqlOfADryRun() {
        // Given
        dataops("provision", "--env", "dev");

        // When
        CommandRun plan = dataops("plan", "--env", "dev");
        CommandRun dryRun = dataops("migrate", "--env", "dev", "--tag", "1.0.0", "--dry-run");

        // Then
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains("= database dev", "0 to create, 0 to update, 1 unchanged, 0 to delete");
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.out()).contains("CREATE TABLE");
        assertThat(dataops("status", "--env", "dev").out()).contains("0 changeset(s) applied, 13 pending");
    }

    @Test
    void shouldNameTheBrokenRecordWhenOneByteOfTheLedgerIsFlipped() throws IOException {
        // Given
        dataops("provision", "--env", "dev");
        dataops("migrate", "--env", "dev", "--tag", "1.0.0");
        Path ledger = dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME);
        byte[] bytes = Files.readAllBytes(ledger);
        int secondLine = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
        int actor = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\"actor\":\"env-actor\"", secondLine);
        bytes[actor + "\"actor\":\"".length()] ^= 0x01;
        Files.write(ledger, bytes);

        // When
        CommandRun verify = dataops("verify-ledger");

        // Then
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err())
                .contains(
                        "Ledger BROKEN at record 2 of 4",
                        "the record was edited"); // provision and migrate: intent and outcome each
    }

    @Test
    void shouldFailVerificationWhenTheLedgerOfAMigratedEnvironmentIsDeleted() throws IOException {
        // Given dev at release 1.0.0, then its ledger and head deleted
        dataops("provision", "--env", "dev");
        dataops("migrate", "--env", "dev", "--tag", "1.0.0");
        Files.delete(dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME));
        Files.delete(dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME + ".head"));

        // When
        CommandRun verify = dataops("verify-ledger");
        CommandRun json = dataops("verify-ledger", "--json");

        // Then
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err())
                .contains(
                        "Ledger intact: 0 records verified.",
                        "Environment 'dev' holds history rows naming 1 ledger record(s) the ledger does not hold (#3)");
        assertThat(json.code()).isEqualTo(1);
        JsonNode result = JSON.readTree(json.out());
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.get("chainIntact").asBoolean()).isTrue();
        assertThat(result.get("anchors").get(0).get("missingRecords").get(0).asLong())
                .isEqualTo(3);
    }

    @Test
    void shouldKeyTheLedgerWithDataopsLedgerKey() throws IOException {
        // Given a ledger written with a key
        Map<String, String> keyed = Map.of("DATAOPS_LEDGER_KEY", "0123456789abcdef0123456789abcdef");
        assertThat(dataops(keyed, "provision", "--env", "dev").code()).isZero();

        // When it is verified with the key, without it, and with a key too short to be one
        CommandRun withKey = dataops(keyed, "verify-ledger");
        CommandRun withoutKey = dataops("verify-ledger");
        CommandRun shortKey = dataops(Map.of("DATAOPS_LEDGER_KEY", "too-short-secret"), "verify-ledger");

        // Then
        assertThat(withKey.code()).isZero();
        assertThat(withKey.out()).contains("Ledger intact: 2 records verified with the ledger key.");
        assertThat(withoutKey.out()).contains("No ledger key is set: the chain detects accidents");
        assertThat(shortKey.code()).isEqualTo(2);
        assertThat(shortKey.err()).contains("DATAOPS_LEDGER_KEY is too short").doesNotContain("too-short-secret");
        assertThat(dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME + ".mac"))
                .exists();
    }

    @Test
    void shouldExitWithTwoNamingAMisspeltKey() throws IOException {
        // Given
        Files.writeString(spec, Files.readString(spec).replace("changelog:", "chnagelog:"));

        // When
        CommandRun result = dataops("provision", "--env", "dev");

        // Then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("unknown key 'chnagelog' in the spec; did you mean 'changelog'?");
        assertThat(dir.resolve(".dataops")).doesNotExist();
    }

    @Test
    void shouldExitWithTwoNamingTheChangelogKeyWhenItLeavesTheProduct() throws IOException {
        // Given
        Files.writeString(
                spec, Files.readString(spec).replace("changelog: db/changelog.yaml", "changelog: ../../etc/passwd"));

        // When
        CommandRun result = dataops("migrate", "--env", "dev");

        // Then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("'changelog' value '../../etc/passwd' leaves the product's folder");
        assertThat(dir.resolve(".dataops")).doesNotExist();
    }

    @Test
    void shouldExitWithTwoForAMissingSpec() {
        // Given
        Path missing = dir.resolve("elsewhere.yaml");

        // When
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                Map.of(),
                Clock.systemUTC(),
                "--spec",
                missing.toString(),
                "plan",
                "--env",
                "dev");

        // Then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Spec file '" + missing + "' not found");
    }

    @Test
    void shouldExitWithTwoForAnUnknownEnvironment() {
        // Given / When
        CommandRun result = dataops("provision", "--env", "staging");

        // Then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Environment 'staging' is not declared", "[dev, qat, prod]");
    }

    @Test
    void shouldExitWithTwoForAnUnknownOption() {
        // Given / When
        CommandRun result = dataops("provision", "--env", "dev", "--frobnicate");

        // Then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'");
        assertThat(dir.resolve(".dataops")).doesNotExist();
    }

    @Test
    void shouldExitWithOneForARefusedMigration() {
        // Given
        dataops("provision", "--env", "dev");

        // When
        CommandRun result = dataops("migrate", "--env", "dev", "--tag", "1.2.0");

        // Then
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err())
                .contains("ERROR: Refusing to apply 1 changeset(s) without rollback", "8-backfill-segment");
        assertThat(dataops("migrate", "--env", "dev", "--tag", "1.2.0", "--allow-no-rollback")
                        .code())
                .isZero();
    }

    @Test
    void shouldExitWithOneForAnEnvironmentThatIsNotProvisioned() {
        // Given / When
        CommandRun result = dataops("migrate", "--env", "qat");

        // Then
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("Environment 'qat' is not provisioned");
    }

    @Test
    void shouldRecordTheActorFromTheOptionOrTheEnvironment() {
        // Given
        dataops("provision", "--env", "dev");

        // When
        dataops("--actor", "option-actor", "provision", "--env", "qat");

        // Then
        assertThat(outcomes()).extracting(r -> r.event().actor()).containsExactly("env-actor", "option-actor");
        assertThat(intents()).extracting(r -> r.event().actor()).containsExactly("env-actor", "option-actor");
        assertThat(records()).extracting(r -> r.event().buildRef()).containsOnly("cli");
    }

    @Test
    void shouldRefuseToRunTheDemoInAFolderItDidNotMake() throws IOException {
        // Given
        Path precious = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(precious.resolve("thesis.txt"), "years of work");

        // When
        CommandRun result = dataops("demo", "--dir", precious.toString());

        // Then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("exists and was not made by 'dataops demo'");
        assertThat(precious.resolve("thesis.txt")).hasContent("years of work");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(
            strings = {"", "plan", "provision", "destroy", "migrate", "status", "history", "verify-ledger", "demo"})
    void shouldPrintHelpForEveryCommand(final String command) {
        // Given
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) {
            args.add(command);
        }
        args.add("--help");

        // When
        CommandRun result = dataops(args.toArray(String[]::new));

        // Then
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: dataops" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void shouldDestroyAnEnvironment() {
        // Given
        dataops("provision", "--env", "dev");

        // When
        CommandRun result = dataops("destroy", "--env", "dev");

        // Then
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("- database dev");
        assertThat(dir.resolve(".dataops/h2/dev.mv.db")).doesNotExist();
        assertThat(outcomes()).extracting(r -> r.event().action()).containsExactly("provision", "destroy");
        assertThat(intents()).extracting(r -> r.event().action()).containsExactly("provision", "destroy");
    }

    /** The outcome records, without the intent each changing operation writes before it starts. */
    private List<GovernanceRecord> outcomes() {
        return records().stream()
                .filter(r -> !"intent".equals(r.event().outcome()))
                .toList();
    }

    /** The intent records, one for each changing operation. */
    private List<GovernanceRecord> intents() {
        return records().stream()
                .filter(r -> "intent".equals(r.event().outcome()))
                .toList();
    }

    private List<GovernanceRecord> records() {
        List<GovernanceRecord> records = new ArrayList<>();
        new JsonLinesLedger(dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME), Clock.systemUTC())
                .forEach(records::add);
        return records;
    }

    private CommandRun dataops(final String... args) {
        return dataops(Map.of("DATAOPS_ACTOR", "env-actor"), args);
    }

    private CommandRun dataops(final Map<String, String> environment, final String... args) {
        return CommandRun.of(spec, environment, args);
    }
}
