package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Incremental suites on real H2, and the ledger-evidence gate on an incremental run. */
class IncrementalDataTestsTest extends AbstractIncrementalDataTestsTest {
    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onH2(dir);
    }

    @Override
    String numbers(final int n) {
        return "SELECT X AS x FROM SYSTEM_RANGE(1, " + n + ")";
    }

    @Test
    void shouldTakeAnIncrementalRunAsEvidenceWhenItsBaseFullRunIsInTheLedger() throws SQLException {
        run();
        long fullRun = lastTestRecord().sequence();
        touchOnePercent("");
        run();

        Gate gate = anchors();

        assertThat(gate.passed()).as(gate.detail()).isTrue();
        assertThat(new ReleaseHistory(dataOps.target("dev"))
                        .last(productName(), io.jenkins.plugins.dataops.engine.governance.Action.TEST)
                        .orElseThrow()
                        .details())
                .contains("\"" + IncrementalRun.BASES_KEY + "\":[" + fullRun + "]");
    }

    @Test
    void shouldRefuseAnIncrementalRunWhoseRowHidesItsBaseFullRun() throws SQLException {
        run();
        touchOnePercent("");
        run();
        // the row is made to look like a full run's
        execute("UPDATE " + ReleaseHistory.TABLE + " SET details = REPLACE(details, '\"" + IncrementalRun.BASES_KEY
                + "\"', '\"x\"') WHERE action = 'test'");

        Gate gate = anchors();

        assertThat(gate.passed()).isFalse();
        assertThat(gate.detail()).contains("does not match ledger record").contains("run the data tests there again");
    }

    private Gate anchors() {
        return new EvidenceAnchors(ledger)
                .check(productName(), "dev", new ReleaseHistory(dataOps.target("dev")).list(productName()));
    }

    private String productName() {
        return SpecLoader.load(product.spec()).product();
    }
}
