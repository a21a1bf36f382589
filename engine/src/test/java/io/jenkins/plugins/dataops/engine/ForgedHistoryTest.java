package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who can write dev's database but not the ledger edits dev's release history to get a release that
 * failed its data tests into qat: the ledger-evidence gate compares the rows with the ledger records they name.
 * And the other direction: someone who deletes or replaces the ledger while the environments hold releases is
 * found out by {@code verify-ledger}, which reads the records the rows name.
 */
class ForgedHistoryTest {
    private static final String HISTORY = "dataops_release_history";

    @TempDir
    private Path dir;

    private DataProductSpec spec;
    private Ledger ledger;

    @BeforeEach
    void releaseTestedInDev() {
        spec = SpecLoader.load(ExampleProduct.onH2(dir).spec());
        ledger = DataOps.fileLedger(spec, Clock.systemUTC());
        DataOps dataOps = dataOps(ledger);
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.provision(ProvisionRequest.of("qat"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        assertThat(dataOps.test(TestRequest.of("dev")).breached()).isFalse();
    }

    /** A country outside the accepted values: the next test run of dev fails. */
    private void failTheNextTestRun() throws SQLException {
        execute(target("dev"), "UPDATE customer SET country = 'XX' WHERE id = 1");
        assertThat(dataOps(ledger).test(TestRequest.of("dev")).breached()).isTrue();
    }

    private DataOps dataOps(final Ledger into) {
        return new DataOps(
                spec, new Session("alice", "test", new MapCredentialsResolver(), ProgressListener.NONE, into));
    }

    private DatabaseTarget target(final String environment) {
        return dataOps(ledger).target(environment);
    }

    @Test
    void shouldRefuseATestRowWhoseOutcomeWasChangedInTheDatabase() throws SQLException {
        failTheNextTestRun();
        execute(target("dev"), "UPDATE " + HISTORY + " SET outcome = 'passed' WHERE action = 'test'");

        assertThatThrownBy(() -> dataOps(ledger).promote(PromoteRequest.of("1.0.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("ledger-evidence: history row #")
                .hasMessageContaining("(test passed, release '1.0.0') does not match ledger record #")
                .hasMessageContaining("test in 'dev' failed")
                .hasMessageContaining("the row was changed outside DataOps");
    }

    @Test
    void shouldRefuseWhenTheFailedRunsRowWasDeleted() throws SQLException {
        failTheNextTestRun();
        execute(target("dev"), "DELETE FROM " + HISTORY + " WHERE action = 'test' AND outcome = 'failed'");

        assertThatThrownBy(() -> dataOps(ledger).promote(PromoteRequest.of("1.0.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("is not the last data test run the ledger holds for 'dev'")
                .hasMessageContaining("failed, release '1.0.0'");
    }

    @Test
    void shouldRefuseARowInsertedWithoutALedgerRecord() throws SQLException {
        failTheNextTestRun();
        execute(
                target("dev"),
                "INSERT INTO " + HISTORY + " (product, environment, release_tag, fingerprint, changelog_checksum,"
                        + " action, outcome, actor, build_ref, recorded_at_millis, details) SELECT product, environment,"
                        + " release_tag, fingerprint, changelog_checksum, action, 'passed', actor, build_ref,"
                        + " recorded_at_millis + 1, '{}' FROM " + HISTORY
                        + " WHERE action = 'test' AND outcome = 'failed'");

        assertThatThrownBy(() -> dataOps(ledger).promote(PromoteRequest.of("1.0.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("names no ledger record: it was written outside DataOps");
    }

    @Test
    void shouldRefuseASchemaRowThatClaimsAReleaseNeverApplied() throws SQLException {
        // dev runs 1.0.0; its rows are edited to claim 1.1.0 was applied and tested there
        execute(target("dev"), "UPDATE " + HISTORY + " SET release_tag = '1.1.0'");

        assertThatThrownBy(() -> dataOps(ledger).promote(PromoteRequest.of("1.1.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("(migrate success, release '1.1.0') does not match ledger record #")
                .hasMessageContaining("migrate in 'dev' success, release '1.0.0'");
    }

    @Test
    void shouldPassWithTheRecordsNamedWhenNothingWasForged() {
        PromoteResult promoted = dataOps(ledger).promote(PromoteRequest.of("1.0.0", "dev", "qat"));

        assertThat(promoted.gates())
                .filteredOn(g -> g.name().equals("ledger-evidence"))
                .singleElement()
                .satisfies(g -> assertThat(g.passed()).isTrue())
                .extracting(Gate::detail)
                .asString()
                .matches("the history rows of 'dev' the gates read match ledger records \\[#\\d+, #\\d+\\]");
    }

    @Test
    void shouldSayItDidNotCheckOnALedgerOfOneStep() {
        // the Jenkins step's ledger holds only that step's records: the rows cannot be checked there
        PromoteResult promoted = dataOps(new MemoryLedger()).promote(PromoteRequest.of("1.0.0", "dev", "qat"));

        assertThat(promoted.gates())
                .filteredOn(g -> g.name().equals("ledger-evidence"))
                .singleElement()
                .extracting(Gate::detail)
                .asString()
                .startsWith("not checked: this ledger holds only this step's records");
    }

    @Test
    void shouldFindAWipedLedgerBrokenWhileTheEnvironmentsHoldReleases() throws IOException {
        Files.delete(spec.stateDir().resolve("ledger.jsonl"));
        Files.delete(spec.stateDir().resolve("ledger.jsonl.head"));

        VerifyLedgerResult result = dataOps(ledger).verifyLedger(VerifyLedgerRequest.all());

        assertThat(result.intact()).isFalse();
        assertThat(result.verification().intact()).isTrue(); // an empty chain is a valid chain: hence the anchors
        assertThat(result.describe())
                .startsWith("Ledger intact: 0 records verified.")
                .contains("Environment 'dev' holds history rows naming 2 ledger record(s) the ledger does not hold")
                .contains("the ledger was deleted, cut short or replaced");
        assertThat(result.anchors())
                .extracting(AnchorCheck::environment, AnchorCheck::checked, AnchorCheck::broken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dev", true, true),
                        org.assertj.core.groups.Tuple.tuple("qat", true, false),
                        org.assertj.core.groups.Tuple.tuple("prod", false, false));
    }

    @Test
    void shouldFindALedgerReplacedByAnotherChain() throws IOException {
        // a fresh, valid chain of the same length written over the real one: sequences exist, hashes differ
        Path file = spec.stateDir().resolve("ledger.jsonl");
        long records = Files.readAllLines(file).size();
        Files.delete(file);
        Files.delete(spec.stateDir().resolve("ledger.jsonl.head"));
        for (long i = 0; i < records; i++) {
            ledger.append(
                    new GovernanceEvent("mallory", "provision", "customer", "dev", "", "success", "cli", Map.of()));
        }

        VerifyLedgerResult result = dataOps(ledger).verifyLedger(VerifyLedgerRequest.all());

        assertThat(result.verification().intact()).isTrue();
        assertThat(result.intact()).isFalse();
        assertThat(result.toMap()).containsEntry("intact", false).containsEntry("chainIntact", true);
    }

    @Test
    void shouldVerifyTheAnchorsWithoutCreatingAnUnprovisionedEnvironment() {
        VerifyLedgerResult result = dataOps(ledger).verifyLedger(VerifyLedgerRequest.all());

        assertThat(result.intact()).isTrue();
        assertThat(result.describe())
                .contains("History rows of 2 environment(s) name only records the ledger holds.")
                .endsWith("No ledger key is set: the chain detects accidents, not someone with write access to the"
                        + " ledger (set DATAOPS_LEDGER_KEY).");
        assertThat(result.anchors().get(2).note()).isEqualTo("not provisioned: nothing to check");
        assertThat(spec.stateDir().resolve("h2").resolve("prod.mv.db")).doesNotExist();
    }

    private static void execute(final DatabaseTarget target, final String sql) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
