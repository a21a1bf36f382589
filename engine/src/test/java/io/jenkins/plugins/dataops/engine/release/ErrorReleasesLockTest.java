package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} thrown inside Liquibase in the middle of a migration (not an exception the engine expects)
 * must still release the environment's lock, stop its heartbeat and leave a failed record, so the environment can
 * be migrated again at once.
 */
class ErrorReleasesLockTest {
    private static final String INJECTED = "  - changeSet:\n"
            + "      id: 1b-injected-error\n"
            + "      author: test\n"
            + "      changes:\n"
            + "        - customChange: { class: " + ThrowingChange.class.getName() + " }\n";

    @TempDir
    private Path dir;

    @Test
    void shouldReleaseTheLockAndRecordTheFailureWhenAMigrationThrowsAnError() throws Exception {
        ExampleProduct product = ExampleProduct.onH2(dir);
        Path changelog = dir.resolve("db/changelog.yaml");
        String original = Files.readString(changelog);
        Files.writeString(changelog, injectAfterFirstChangeSet(original));
        MemoryLedger ledger = new MemoryLedger();
        DataOps dataOps = product.open("alice", ledger);
        dataOps.provision(ProvisionRequest.of("dev"));

        assertThatThrownBy(() -> dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0")))
                .isInstanceOf(AssertionError.class)
                .hasMessage(ThrowingChange.MESSAGE);

        DatabaseTarget dev = dataOps.target("dev");
        assertThat(lockHolder(dev)).as("the lock row's holder").isNull();
        assertThat(heartbeats()).as("running lock heartbeats").isEmpty();
        GovernanceEvent last = ledger.records().get(ledger.records().size() - 1).event();
        assertThat(last.action()).isEqualTo(Action.MIGRATE.wireName());
        assertThat(last.outcome()).isEqualTo(Outcome.FAILED.wireName());
        assertThat(String.valueOf(last.evidence().get(EvidenceKeys.ERROR))).contains("AssertionError");
        List<HistoryEntry> history = new ReleaseHistory(dev).list("customer");
        assertThat(history.get(history.size() - 1).outcome()).isEqualTo(Outcome.FAILED.wireName());

        Files.writeString(changelog, original);
        assertThat(dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0")).release())
                .as("the next migration, which a lock left behind would refuse")
                .isEqualTo("1.0.0");
    }

    private static String injectAfterFirstChangeSet(final String changelog) {
        int second = changelog.indexOf("  - changeSet:", changelog.indexOf("  - changeSet:") + 1);
        return changelog.substring(0, second) + INJECTED + changelog.substring(second);
    }

    private static String lockHolder(final DatabaseTarget target) throws Exception {
        try (Connection c = target.open();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT holder FROM " + LockTable.TABLE + " WHERE id = 1")) {
            assertThat(r.next()).as("the lock row exists").isTrue();
            return r.getString(1);
        }
    }

    private static List<Thread> heartbeats() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("dataops-lock-heartbeat") && t.isAlive())
                .toList();
    }
}
