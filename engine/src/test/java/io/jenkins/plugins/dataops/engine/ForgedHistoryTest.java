package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who can write dev's database but not the ledger edits dev's release history to get a release that
 * failed its data tests into qat: the ledger-evidence gate compares the rows with the ledger records they name.
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

    private static void execute(final DatabaseTarget target, final String sql) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
