package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataops metrics} on a ledger written with known timestamps: table, JSON, a broken chain, bad input. */
class MetricsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final long HOUR = 3_600_000L;

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void copyTheExample() {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
    }

    @Test
    void shouldSayThatNothingWasDeliveredOnAnEmptyLedger() throws IOException {
        // Given a product that has done nothing yet
        // When its metrics are asked for, as a table and as JSON
        CommandRun table = dataops("metrics");
        CommandRun json = dataops("metrics", "--json");

        // Then both say there is nothing, and exit 0
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("No deliveries recorded yet");
        assertThat(json.code()).isZero();
        JsonNode metrics = JSON.readTree(json.out());
        assertThat(metrics.get("products")).isEmpty();
        assertThat(metrics.get("windowStart").isNull()).isTrue();
    }

    @Test
    void shouldPrintTheMetricsAsATableAndAsJson() throws IOException {
        // Given 1.0 applied in dev at T0, promoted to qat after 2 h and to prod after 5 h; 1.1 applied in dev
        // at 6 h and its tests failed at 7 h
        appendDelivery();

        // When
        CommandRun table = dataops("metrics");
        CommandRun json = dataops("metrics", "--json", "--env", "dev,prod");

        // Then the table shows one row per environment of the path, with the lead time to prod of 5 h
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("Delivery metrics of 'customer' (promotion path dev -> qat -> prod)")
                .containsPattern("dev +2 +2\\.00 +1 +50% +- +1 +- +1/2 +50%")
                .containsPattern("prod +1 +1\\.00 +0 +0% +- +0 +5h +0/0 +-")
                .contains("Lead time to the last environment (median): 5h over 1 releases.");
        JsonNode product = JSON.readTree(json.out()).get("products").get(0);
        assertThat(product.get("medianLeadTimeMillis").asLong()).isEqualTo(5 * HOUR);
        assertThat(product.get("environments"))
                .extracting(e -> e.get("environment").asText())
                .containsExactly("dev", "prod");
        JsonNode failure = product.get("environments").get(0).get("failures").get(0);
        assertThat(failure.get("failedAt").asText()).isEqualTo("2026-05-01T17:00:00Z");
        assertThat(failure.get("restoredAt").isNull()).isTrue();
    }

    @Test
    void shouldExcludeAndCountTheRecordsFromABrokenLinkOnAndExitWithOne() throws IOException {
        // Given the delivery ledger with its third record edited
        appendDelivery();
        Path ledger = dir.resolve(".dataops/ledger.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.set(2, lines.get(2).replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""));
        Files.write(ledger, lines);

        // When
        CommandRun json = dataops("metrics", "--json");

        // Then records 3 to 6 are not counted, said on stderr and in the JSON, and the exit code is 1
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.err()).contains("Ledger BROKEN at record 3", "4 records from there on were not counted");
        JsonNode metrics = JSON.readTree(json.out());
        assertThat(metrics.get("intact").asBoolean()).isFalse();
        assertThat(metrics.get("excludedUntrusted").asLong()).isEqualTo(4);
        assertThat(metrics.get("outcomeRecords").asLong()).isEqualTo(2);
    }

    @Test
    void shouldRefuseADateItCannotReadWithExitTwo() {
        // When
        CommandRun result = dataops("metrics", "--since", "yesterday");

        // Then
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("yesterday");
    }

    private void appendDelivery() {
        append(0, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS, Map.of());
        append(2 * HOUR, Action.PROMOTE, "qat", "1.0", Outcome.SUCCESS, Map.of(EvidenceKeys.FROM, "dev"));
        append(5 * HOUR, Action.PROMOTE, "prod", "1.0", Outcome.SUCCESS, Map.of(EvidenceKeys.FROM, "qat"));
        append(6 * HOUR, Action.MIGRATE, "dev", "1.1", Outcome.SUCCESS, Map.of());
        append(6 * HOUR + 1000, Action.TEST, "dev", "1.1", Outcome.PASSED, Map.of());
        append(7 * HOUR, Action.TEST, "dev", "1.1", Outcome.FAILED, Map.of());
    }

    private void append(
            final long offset,
            final Action action,
            final String env,
            final String release,
            final Outcome outcome,
            final Map<String, Object> evidence) {
        Clock clock = Clock.fixed(T0.plusMillis(offset), ZoneOffset.UTC);
        DataOps.fileLedger(SpecLoader.load(spec), clock)
                .append(new GovernanceEvent("alice", action, "customer", env, release, outcome, "cli", evidence));
    }

    private CommandRun dataops(final String... args) {
        return CommandRun.of(spec, Map.of("DATAOPS_ACTOR", "alice"), args);
    }
}
