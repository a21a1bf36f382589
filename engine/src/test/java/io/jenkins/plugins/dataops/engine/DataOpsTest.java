package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.MigrationFailedException;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataOpsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    private Path dir;

    private final MemoryLedger ledger = new MemoryLedger(CLOCK);

    @Test
    void shouldRecordASuccessfulProvisionInTheLedger() {
        // Given
        DataOps dataOps = open(ExampleProduct.copy("customer", dir));

        // When
        dataOps.provision(ProvisionRequest.of("dev"));

        // Then
        GovernanceRecord record = onlyRecord();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(record.event().actor()).isEqualTo("alice");
        softly.assertThat(record.event().action()).isEqualTo("provision");
        softly.assertThat(record.event().product()).isEqualTo("customer");
        softly.assertThat(record.event().environment()).isEqualTo("dev");
        softly.assertThat(record.event().outcome()).isEqualTo("success");
        softly.assertThat(record.event().buildRef()).isEqualTo("build-7");
        softly.assertThat(record.timeMillis()).isEqualTo(CLOCK.millis());
        softly.assertThat(record.event().evidence())
                .containsEntry("provider", "h2")
                .containsEntry("plan", "1 to create, 0 to update, 0 unchanged, 0 to delete");
        softly.assertAll();
        assertThat(dataOps.plan(PlanRequest.of("dev")).plan().count(ChangeAction.NO_OP))
                .isEqualTo(1);
    }

    @Test
    void shouldRecordAMigrationInTheLedgerAndInTheEnvironmentsHistory() {
        // Given
        DataOps dataOps = open(ExampleProduct.copy("customer", dir));
        dataOps.provision(ProvisionRequest.of("dev"));

        // When
        MigrateResult outcome = dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));

        // Then
        String fingerprint = Fingerprints.releaseFingerprint(dataOps.spec(), new LiquibaseSchemaMigrator());
        assertThat(outcome.release()).isEqualTo("1.0.0");
        assertThat(outcome.fingerprint()).isEqualTo(fingerprint).hasSize(64);
        assertThat(outcome.changeSetCount()).isEqualTo(3);
        GovernanceRecord record = settledOutcome(1);
        assertThat(record.event().action()).isEqualTo("migrate");
        assertThat(record.event().release()).isEqualTo("1.0.0");
        assertThat(record.event().outcome()).isEqualTo("success");
        assertThat(record.event().evidence())
                .containsEntry("tagBefore", "")
                .containsEntry("tagAfter", "1.0.0")
                .containsEntry("fingerprint", fingerprint)
                .containsEntry(
                        "changelogChecksum",
                        Fingerprints.changelogChecksum(dataOps.spec(), new LiquibaseSchemaMigrator()))
                .containsEntry("allowNoRollback", false)
                .containsEntry("allowDestructive", false);
        assertThat((List<?>) record.event().evidence().get("changeSets")).hasSize(3);
        HistoryResult history = dataOps.history(HistoryRequest.of("dev"));
        assertThat(history.changeSets()).hasSize(3);
        assertThat(history.releases()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("migrate");
            assertThat(entry.outcome()).isEqualTo("success");
            assertThat(entry.release()).isEqualTo("1.0.0");
            assertThat(entry.fingerprint()).isEqualTo(fingerprint);
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.buildRef()).isEqualTo("build-7");
            assertThat(entry.recordedAtMillis()).isEqualTo(CLOCK.millis());
            assertThat(entry.details()).contains("\"changeSets\":3");
        });
        assertThat(dataOps.verifyLedger(VerifyLedgerRequest.all()).intact()).isTrue();
    }

    @Test
    void shouldRecordARefusedMigrationWithItsReasonAndChangeNothing() {
        // Given
        DataOps dataOps = open(ExampleProduct.copy("customer", dir));
        dataOps.provision(ProvisionRequest.of("dev"));

        // When / Then
        assertThatThrownBy(() -> dataOps.migrate(MigrateRequest.of("dev").withTag("1.2.0")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("without rollback");
        GovernanceRecord record = outcomes().get(1);
        assertThat(record.event().outcome()).isEqualTo("refused");
        assertThat(record.event().release()).isEqualTo("1.2.0");
        assertThat((String) record.event().evidence().get("reason")).contains("8-backfill-segment");
        HistoryResult history = dataOps.history(HistoryRequest.of("dev"));
        assertThat(history.releases()).isEmpty();
        assertThat(history.changeSets()).isEmpty();
    }

    @Test
    void shouldApplyWhatTheSpecPolicyAllowsAndRecordTheAllowance() throws IOException {
        // Given
        Path spec = ExampleProduct.copy("customer", dir);
        Files.writeString(spec, Files.readString(spec) + "allow:\n  noRollback: true\n");
        DataOps dataOps = open(spec);
        dataOps.provision(ProvisionRequest.of("dev"));

        // When
        MigrateResult outcome = dataOps.migrate(MigrateRequest.of("dev").withTag("1.2.0"));

        // Then
        assertThat(outcome.release()).isEqualTo("1.2.0");
        assertThat(settledOutcome(1).event().evidence())
                .containsEntry("allowNoRollback", true)
                .containsEntry("allowedNoRollback", List.of("changelog.yaml::8-backfill-segment::dataops-example"));
    }

    @Test
    void shouldRecordAFailedMigrationInTheLedgerAndTheHistory() throws IOException {
        // Given
        Path spec = ExampleProduct.copy("customer", dir);
        Files.writeString(spec.resolveSibling("db/changelog.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1-good
                      author: test
                      changes:
                        - createTable: { tableName: good, columns: [ { column: { name: id, type: INT } } ] }
                  - changeSet:
                      id: 2-bad
                      author: test
                      changes:
                        - sql: { sql: "INSERT INTO missing_table VALUES (1)" }
                      rollback:
                        - sql: { sql: "DELETE FROM missing_table" }
                """);
        DataOps dataOps = open(spec);
        dataOps.provision(ProvisionRequest.of("dev"));

        // When / Then
        assertThatThrownBy(() -> dataOps.migrate(MigrateRequest.of("dev")))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("changelog.yaml::2-bad::test");
        GovernanceRecord record = settledOutcome(1);
        assertThat(record.event().outcome()).isEqualTo("failed");
        assertThat((String) record.event().evidence().get("error")).contains("2-bad", "MISSING_TABLE");
        HistoryResult history = dataOps.history(HistoryRequest.of("dev"));
        assertThat(history.changeSets()).extracting(c -> c.id()).containsExactly("1-good");
        assertThat(history.releases()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("failed");
            assertThat(entry.details()).contains("2-bad");
            assertThat(entry.fingerprint()).hasSize(64);
        });
    }

    @Test
    void shouldRenderTheSqlOfADryRunWithoutRecordingOrApplying() {
        // Given
        DataOps dataOps = open(ExampleProduct.copy("customer", dir));
        dataOps.provision(ProvisionRequest.of("dev"));
        List<GovernanceRecord> before = ledger.records();

        // When
        MigrateResult outcome =
                dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0").withDryRun(true));

        // Then
        assertThat(outcome.applied()).isEmpty();
        assertThat(outcome.dryRunSql()).contains("CREATE TABLE");
        assertThat(ledger.records()).isEqualTo(before);
        assertThat(outcomes())
                .singleElement()
                .satisfies(r -> assertThat(r.event().action()).isEqualTo("provision"));
        assertThat(dataOps.status(StatusRequest.of("dev")).status().applied()).isZero();
    }

    @Test
    void shouldRecordAFailedProvisionWithItsError() {
        // Given
        DataOps dataOps = open(ExampleProduct.copyWithSpec("customer", dir, """
                product: customer
                changelog: db/changelog.yaml
                environments:
                  qat:
                    provider: postgres
                    url: jdbc:postgresql://127.0.0.1:1/postgres
                    credentials: nowhere
                """));

        // When / Then
        assertThatThrownBy(() -> dataOps.provision(ProvisionRequest.of("qat")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentials with id 'nowhere'");
        assertThat(onlyRecord().event().outcome()).isEqualTo("failed");
        assertThat((String) onlyRecord().event().evidence().get("error")).contains("'nowhere'");
    }

    @Test
    void shouldRefuseAnUnknownEnvironment() {
        // Given
        DataOps dataOps = open(ExampleProduct.copy("customer", dir));

        // When / Then
        assertThatThrownBy(() -> dataOps.provision(ProvisionRequest.of("staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'staging' is not declared");
        assertThatThrownBy(() -> dataOps.migrate(MigrateRequest.of("staging")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'staging' is not declared");
    }

    private DataOps open(final Path spec) {
        return new DataOps(
                SpecLoader.load(spec),
                new Session("alice", "build-7", new MapCredentialsResolver(), ProgressListener.NONE, ledger, CLOCK));
    }

    /** Asserts the ledger holds exactly one operation: its intent, then the outcome that settles it. */
    private GovernanceRecord onlyRecord() {
        assertThat(ledger.records()).hasSize(2);
        return settledOutcome(0);
    }

    /** The records that are outcomes, without the intents written before each changing operation. */
    private List<GovernanceRecord> outcomes() {
        return ledger.records().stream()
                .filter(r -> !"intent".equals(r.event().outcome()))
                .toList();
    }

    /**
     * Returns the n-th outcome after asserting that the record just before it is the intent of the same
     * operation and that the outcome references that intent by sequence and hash.
     */
    private GovernanceRecord settledOutcome(final int n) {
        GovernanceRecord outcome = outcomes().get(n);
        List<GovernanceRecord> all = ledger.records();
        int at = all.indexOf(outcome);
        assertThat(at).isPositive();
        GovernanceRecord intent = all.get(at - 1);
        assertThat(intent.event().outcome()).isEqualTo("intent");
        assertThat(intent.event().action()).isEqualTo(outcome.event().action());
        assertThat(intent.event().environment()).isEqualTo(outcome.event().environment());
        assertThat(intent.event().actor()).isEqualTo(outcome.event().actor());
        assertThat(Ledger.settledIntent(outcome)).contains(intent.sequence());
        assertThat(((Map<?, ?>) outcome.event().evidence().get(EvidenceKeys.INTENT)).get(EvidenceKeys.HASH))
                .isEqualTo(intent.hash());
        return outcome;
    }
}
