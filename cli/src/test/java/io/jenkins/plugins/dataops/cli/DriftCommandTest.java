package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import io.jenkins.plugins.dataops.engine.testing.H2Connections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataops drift} and the drift gate of {@code dataops promote}, on the example's embedded environments. */
class DriftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void releaseOneZeroToQat() {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
        for (String env : List.of("dev", "qat")) {
            assertThat(dataops("provision", "--env", env).code()).isZero();
        }
        assertThat(dataops("migrate", "--env", "dev", "--tag", "1.0.0").code()).isZero();
        assertThat(dataops("test", "--env", "dev").code()).isZero();
        assertThat(dataops("promote", "--release", "1.0.0", "--from", "dev", "--to", "qat")
                        .code())
                .isZero();
    }

    @Test
    void shouldExitZeroForACleanEnvironment() {
        CommandRun result = dataops("drift", "--env", "qat");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Environment 'qat' (release 1.0.0) matches its changelog: no drift.");
    }

    @Test
    void shouldExitOneAndPrintTheFindingsAsJsonWhenDrifted() throws Exception {
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");

        CommandRun result = dataops("drift", "--env", "qat", "--json");

        assertThat(result.code()).isEqualTo(1);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("environment").asText()).isEqualTo("qat");
        assertThat(json.get("release").asText()).isEqualTo("1.0.0");
        assertThat(json.get("drifted").asBoolean()).isTrue();
        assertThat(json.get("findings")).hasSize(1);
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("column");
        assertThat(finding.get("name").asText()).isEqualTo("CUSTOMER.VIP");
        assertThat(finding.get("change").asText()).isEqualTo("added");
        assertThat(finding.get("expected").asText()).isEmpty();
        assertThat(finding.get("live").asText()).isEqualTo("BOOLEAN NULL");
        assertThat(records()).last().asString().contains("\"action\":\"drift\"", "\"outcome\":\"drifted\"");
    }

    @Test
    void shouldExitTwoNamingAnUnknownEnvironment() {
        CommandRun result = dataops("drift", "--env", "staging");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("staging");
    }

    @Test
    void shouldExitTwoNamingAChangelogThatCannotBeParsed() throws IOException {
        Files.writeString(dir.resolve("db/changelog.yaml"), "databaseChangeLog:\n  - changeSet: [broken\n");

        CommandRun result = dataops("drift", "--env", "qat");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("changelog.yaml");
    }

    @Test
    void shouldRefusePromotionIntoADriftedTargetUntilAllowedWithAReason() throws Exception {
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");
        dataops("migrate", "--env", "dev", "--tag", "1.1.0");
        dataops("test", "--env", "dev");

        CommandRun refused = dataops("promote", "--release", "1.1.0", "--from", "dev", "--to", "qat");
        CommandRun noReason = dataops("promote", "--release", "1.1.0", "--from", "dev", "--to", "qat", "--allow-drift");
        CommandRun allowed = dataops(
                "promote", "--release", "1.1.0", "--from", "dev", "--to", "qat", "--allow-drift", "--reason", "INC-7");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("drift: environment 'qat' (release 1.0.0) has drifted");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(records().stream().filter(r -> r.contains("\"action\":\"promote\"")))
                .last()
                .asString()
                .contains("\"allowDrift\":true", "\"reason\":\"INC-7\"", "\"outcome\":\"success\"");
    }

    private void execute(final String env, final String sql) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve(".dataops/h2/" + env).toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection connection = H2Connections.open(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> records() throws IOException {
        return Files.readAllLines(dir.resolve(".dataops/ledger.jsonl"));
    }

    private CommandRun dataops(final String... args) {
        return CommandRun.of(spec, Map.of("DATAOPS_ACTOR", "env-actor"), args);
    }
}
