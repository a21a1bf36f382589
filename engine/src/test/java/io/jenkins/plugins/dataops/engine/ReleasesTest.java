package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.kernel.PromotionFailedException;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promote, rollback and ephemeral environments through the facade, on the example product and real H2. */
class ReleasesTest {
    @TempDir
    private Path dir;

    private ExampleProduct product;
    private MemoryLedger ledger;

    @BeforeEach
    void provision() {
        product = ExampleProduct.onH2(dir);
        ledger = new MemoryLedger();
        DataOps dataOps = dataOps("alice");
        for (String env : List.of("dev", "qat", "prod")) {
            dataOps.provision(ProvisionRequest.of(env));
        }
    }

    private DataOps dataOps(final String actor) {
        return dataOps(actor, Clock.systemUTC());
    }

    private DataOps dataOps(final String actor, final Clock clock) {
        return new DataOps(
                SpecLoader.load(product.spec()),
                new Session(actor, "test", new MapCredentialsResolver(), ProgressListener.NONE, ledger, clock));
    }

    private void releaseInDev(final String tag) {
        DataOps dataOps = dataOps("alice");
        dataOps.migrate(MigrateRequest.of("dev").withTag(tag));
        assertThat(dataOps.test(TestRequest.of("dev")).breached()).isFalse();
    }

    private GovernanceRecord lastRecord() {
        List<GovernanceRecord> records = ledger.records();
        return records.get(records.size() - 1);
    }

    private static void execute(final DatabaseTarget target, final String sql) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean tableExists(final DatabaseTarget target, final String table) throws SQLException {
        try (Connection c = target.open();
                ResultSet r = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return r.next();
        }
    }

    @Test
    void shouldPromoteAReleaseStepByStepWithEvidence() {
        // Given release 1.0.0 tested in dev
        releaseInDev("1.0.0");

        // When it is promoted to qat, then to the protected prod with an approval by someone else
        PromoteResult toQat = dataOps("alice").promote(PromoteRequest.of("1.0.0", "dev", "qat"));
        PromoteResult toProd = dataOps("alice")
                .promote(PromoteRequest.of("1.0.0", "qat", "prod").withApprovedBy("bob"));

        // Then each promotion applied the release, verified the target and recorded its gates
        assertThat(toQat.applied().changeSets()).hasSize(3);
        assertThat(toQat.verification().passed()).isTrue();
        assertThat(toProd.gates()).allMatch(g -> g.passed());
        assertThat(toProd.gates().get(3).detail()).contains("approved by 'bob'");
        List<HistoryEntry> prod =
                dataOps("alice").history(HistoryRequest.of("prod")).releases();
        assertThat(prod)
                .extracting(HistoryEntry::action, HistoryEntry::outcome, HistoryEntry::release)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("promote", "success", "1.0.0"),
                        org.assertj.core.groups.Tuple.tuple("test", "passed", "1.0.0"));
        assertThat(prod.get(0).fingerprint()).isEqualTo(toProd.fingerprint());
    }

    @Test
    void shouldRefuseAPromotionWithoutEvidenceAndRecordWhy() {
        // Given 1.0.0 in dev, never tested
        dataOps("alice").migrate(MigrateRequest.of("dev").withTag("1.0.0"));

        // When / Then
        assertThatThrownBy(() -> dataOps("alice").promote(PromoteRequest.of("1.0.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("tests-passed: no data test ran in 'dev'");
        assertThat(lastRecord().event().action()).isEqualTo("promote");
        assertThat(lastRecord().event().outcome()).isEqualTo("refused");
        assertThat(lastRecord().event().evidence().get("gates").toString()).contains("tests-passed", "passed=false");
        assertThat(dataOps("alice").history(HistoryRequest.of("qat")).releases())
                .isEmpty();
    }

    @Test
    void shouldRefuseToPromoteAReleaseTheTargetHasAlreadyPassed() {
        // Given 1.0.0 tested in dev, and qat already at the later 1.1.0
        releaseInDev("1.0.0");
        dataOps("alice").migrate(MigrateRequest.of("qat").withTag("1.1.0"));

        // When 1.0.0 is promoted to qat, Then it is refused, recorded, and qat still runs 1.1.0
        assertThatThrownBy(() -> dataOps("alice").promote(PromoteRequest.of("1.0.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("already runs the later release '1.1.0'");
        assertThat(lastRecord().event().action()).isEqualTo("promote");
        assertThat(lastRecord().event().outcome()).isEqualTo("refused");
        assertThat(dataOps("alice").history(HistoryRequest.of("qat")).releases())
                .extracting(HistoryEntry::action)
                .containsExactly("migrate");
    }

    @Test
    void shouldRollTheTargetBackWhenItsPostDeployTestsFail() throws SQLException {
        // Given 1.0.0 in dev and qat, 1.1.0 tested in dev, and data in qat that breaks a promise
        releaseInDev("1.0.0");
        dataOps("alice").promote(PromoteRequest.of("1.0.0", "dev", "qat"));
        releaseInDev("1.1.0");
        DatabaseTarget qat = dataOps("alice").target("qat");
        execute(
                qat,
                "INSERT INTO customer (id, email, country, status, loyalty_points, created_at) "
                        + "VALUES (77, 'x@example.com', 'XX', 'active', 1, CURRENT_TIMESTAMP)");

        // When
        assertThatThrownBy(() -> dataOps("alice").promote(PromoteRequest.of("1.1.0", "dev", "qat")))
                .isInstanceOf(PromotionFailedException.class)
                .hasMessageContaining("post-deploy data tests failed")
                .hasMessageContaining("rolled back to release '1.0.0'");

        // Then qat runs 1.0.0 again, and its history tells the whole story
        assertThat(tableExists(qat, "orders")).isFalse();
        assertThat(dataOps("alice").history(HistoryRequest.of("qat")).releases())
                .extracting(HistoryEntry::action, HistoryEntry::outcome, HistoryEntry::release)
                .endsWith(
                        org.assertj.core.groups.Tuple.tuple("promote", "success", "1.1.0"),
                        org.assertj.core.groups.Tuple.tuple("test", "failed", "1.1.0"),
                        org.assertj.core.groups.Tuple.tuple("rollback", "success", "1.0.0"),
                        org.assertj.core.groups.Tuple.tuple("test", "failed", "1.0.0"));
        assertThat(lastRecord().event().action()).isEqualTo("promote-verification");
        assertThat(lastRecord().event().evidence().get("target").toString()).contains("rolled back");
    }

    @Test
    void shouldKeepTheTargetWhenTheSpecSaysKeep() throws SQLException {
        // Given onFailure: keep
        product.writeSpec(product.readSpec() + "onFailure: keep\n");
        releaseInDev("1.0.0");
        dataOps("alice").promote(PromoteRequest.of("1.0.0", "dev", "qat"));
        releaseInDev("1.1.0");
        execute(dataOps("alice").target("qat"), "UPDATE customer SET country = 'XX' WHERE id = 1");

        // When / Then
        assertThatThrownBy(() -> dataOps("alice").promote(PromoteRequest.of("1.1.0", "dev", "qat")))
                .isInstanceOf(PromotionFailedException.class)
                .hasMessageContaining("kept at release '1.1.0'");
        assertThat(tableExists(dataOps("alice").target("qat"), "orders")).isTrue();
    }

    @Test
    void shouldRollBackToThePreviousReleaseAndRefuseWhenAChangesetHasNoRollback() throws SQLException {
        // Given dev went 1.0.0 -> 1.1.0 -> 1.2.0 (1.2.0 holds a changeset without rollback)
        DataOps dataOps = dataOps("alice");
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));

        // When rolling back from 1.1.0
        RollbackResult result = dataOps.rollback(RollbackRequest.of("dev"));

        // Then it runs 1.0.0
        assertThat(result.fromRelease()).isEqualTo("1.1.0");
        assertThat(result.toRelease()).isEqualTo("1.0.0");
        assertThat(dataOps.status(StatusRequest.of("dev")).status().currentTag())
                .isEqualTo("1.0.0");
        assertThat(tableExists(dataOps.target("dev"), "orders")).isFalse();

        // Given 1.2.0 applied with its allowance
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.2.0").withAllowNoRollback(true));
        int applied = dataOps.status(StatusRequest.of("dev")).status().applied();

        // When / Then the rollback is refused before anything is touched
        assertThatThrownBy(() -> dataOps.rollback(RollbackRequest.of("dev")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("8-backfill-segment")
                .hasMessageContaining("no rollback");
        assertThat(dataOps.status(StatusRequest.of("dev")).status().applied()).isEqualTo(applied);
        assertThat(lastRecord().event().outcome()).isEqualTo("refused");
    }

    @Test
    void shouldRefuseToMigrateBackToATagThatWasPassed() {
        // Given
        DataOps dataOps = dataOps("alice");
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));

        // When / Then
        assertThatThrownBy(() -> dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("already past tag '1.0.0' (it runs '1.1.0')")
                .hasMessageContaining("rollback --env dev --to 1.0.0");
        assertThat(dataOps.status(StatusRequest.of("dev")).status().currentTag())
                .isEqualTo("1.1.0");
        assertThat(lastRecord().event().outcome()).isEqualTo("refused");
    }

    @Test
    void shouldRefuseAnEphemeralEnvironmentWithoutTimeToLive() {
        assertThatThrownBy(() -> dataOps("alice")
                        .createEphemeral(CreateEphemeralRequest.of("pr-3").withTtl(Duration.ZERO)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be positive");
        assertThat(dir.resolve(".dataops/h2/pr-3.mv.db")).doesNotExist();
    }

    @Test
    void shouldCreateDestroyAndCollectEphemeralEnvironments() {
        // Given two ephemeral environments, one short-lived
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        DataOps creator = dataOps("alice", Clock.fixed(now, ZoneOffset.UTC));
        CreateEphemeralResult shortLived =
                creator.createEphemeral(CreateEphemeralRequest.of("pr-1").withTtl(Duration.ofMinutes(30)));
        CreateEphemeralResult longLived = creator.createEphemeral(CreateEphemeralRequest.of("pr-2"));
        creator.migrate(MigrateRequest.of("pr-1").withTag("1.0.0"));

        // Then they are real environments with their expiry
        assertThat(shortLived.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(longLived.expiresAt()).isEqualTo(now.plus(Duration.ofHours(4)));
        assertThat(Files.exists(dir.resolve(".dataops/h2/pr-1.mv.db"))).isTrue();
        assertThatThrownBy(() -> creator.createEphemeral(CreateEphemeralRequest.of("qat")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a declared environment");

        // When gc runs an hour later
        List<String> collected = dataOps("gc", Clock.fixed(now.plus(Duration.ofHours(1)), ZoneOffset.UTC))
                .gc(GcRequest.expired())
                .destroyed();

        // Then only the expired one is gone
        assertThat(collected).containsExactly("pr-1");
        assertThat(Files.exists(dir.resolve(".dataops/h2/pr-1.mv.db"))).isFalse();
        assertThat(Files.exists(dir.resolve(".dataops/h2/pr-2.mv.db"))).isTrue();

        // and destroy removes the other one
        dataOps("alice").destroy(DestroyRequest.of("pr-2"));
        assertThat(Files.exists(dir.resolve(".dataops/h2/pr-2.mv.db"))).isFalse();
        assertThat(ledger.records())
                .extracting(r -> r.event().action())
                .contains("ephemeral-create", "ephemeral-destroy");
        assertThatThrownBy(() -> dataOps("alice").migrate(MigrateRequest.of("pr-2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'pr-2' is not declared");
    }
}
