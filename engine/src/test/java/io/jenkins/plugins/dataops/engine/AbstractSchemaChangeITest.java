package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.drift.DriftFinding;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.impact.CheckImpact;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift, the drift gate and impact analysis through the facade, on the example product: subclasses run it on H2
 * and on the test PostgreSQL server.
 */
abstract class AbstractSchemaChangeITest {
    /** A release 1.4.0 that drops a column the customer suite checks. */
    private static final String DROP_LOYALTY_POINTS = """

              - changeSet:
                  id: 14-drop-loyalty-points
                  author: test
                  changes:
                    - dropColumn: { tableName: customer, columnName: loyalty_points }
                  rollback:
                    - addColumn:
                        tableName: customer
                        columns:
                          - column: { name: loyalty_points, type: INT }
              - changeSet:
                  id: 15-tag-1.4.0
                  author: test
                  changes:
                    - tagDatabase: { tag: 1.4.0 }
            """;

    @TempDir
    private Path dir;

    private ExampleProduct product;
    private MemoryLedger ledger;
    private DataOps dataOps;

    abstract ExampleProduct product(Path dir);

    @BeforeEach
    void releaseOneZeroToQat() {
        product = product(dir);
        ledger = new MemoryLedger();
        dataOps = product.open("alice", ledger);
        for (String env : List.of("dev", "qat", "prod")) {
            dataOps.provision(ProvisionRequest.of(env));
        }
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        dataOps.test(TestRequest.of("dev"));
        dataOps.promote(PromoteRequest.of("1.0.0", "dev", "qat"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));
        dataOps.test(TestRequest.of("dev"));
    }

    @Test
    void shouldReportAndRecordACleanEnvironment() {
        DriftResult result = dataOps.drift(DriftRequest.of("qat"));

        assertThat(result.isDrifted()).isFalse();
        assertThat(result.toMap()).containsEntry("drifted", false).containsEntry("release", "1.0.0");
        assertThat(last().event().action()).isEqualTo("drift");
        assertThat(last().event().outcome()).isEqualTo("clean");
    }

    @Test
    void shouldReportAndRecordAColumnAddedByHandInQat() throws SQLException {
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");

        DriftResult result = dataOps.drift(DriftRequest.of("qat"));

        assertThat(result.report().findings())
                .extracting(DriftFinding::describe)
                .singleElement()
                .satisfies(line -> assertThat(line.toLowerCase(Locale.ROOT))
                        .matches("column customer\\.vip added: expected \\(none\\), live bool(ean)? null"));
        assertThat(last().event().outcome()).isEqualTo("drifted");
        assertThat(last().event().evidence()).containsEntry("drifted", true);
        assertThat(findingsOf(last()))
                .singleElement()
                .satisfies(f -> assertThat(f).containsEntry("change", "added").containsEntry("expected", ""));
    }

    @Test
    void shouldRefuseAndRecordAPromotionIntoADriftedTargetAndChangeNothing() throws SQLException {
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");

        assertThatThrownBy(() -> dataOps.promote(PromoteRequest.of("1.1.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("drift: environment 'qat' (release 1.0.0) has drifted")
                .hasMessageContaining("--allow-drift");

        assertThat(last().event().action()).isEqualTo("promote");
        assertThat(last().event().outcome()).isEqualTo("refused");
        assertThat(findingsOf(last())).hasSize(1);
        assertThat(dataOps.status(StatusRequest.of("qat")).status().currentTag())
                .isEqualTo("1.0.0");
        assertThat(tableExists("qat", "orders")).isFalse();
    }

    @Test
    void shouldPromoteOnceTheDriftIsResolved() throws SQLException {
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");
        assertThatThrownBy(() -> dataOps.promote(PromoteRequest.of("1.1.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class);
        execute("qat", "ALTER TABLE customer DROP COLUMN vip");

        PromoteResult result = dataOps.promote(PromoteRequest.of("1.1.0", "dev", "qat"));

        assertThat(result.gates()).anySatisfy(g -> {
            assertThat(g.name()).isEqualTo("drift");
            assertThat(g.passed()).isTrue();
            assertThat(g.detail()).contains("no drift");
        });
        assertThat(tableExists("qat", "orders")).isTrue();
    }

    @Test
    void shouldLetAnAllowedDriftThroughWithItsReasonRecorded() throws SQLException {
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");

        dataOps.promote(PromoteRequest.of("1.1.0", "dev", "qat").withAllowDrift(true, "vip column agreed, INC-42"));

        GovernanceRecord promote = ledger.records().stream()
                .filter(r -> r.event().action().equals("promote"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(promote.event().outcome()).isEqualTo("success");
        assertThat(promote.event().evidence())
                .containsEntry("allowDrift", true)
                .containsEntry("reason", "vip column agreed, INC-42")
                .containsEntry("drifted", true);
    }

    @Test
    void shouldRefuseAnAllowedDriftWithoutAReason() {
        assertThatThrownBy(() ->
                        dataOps.promote(PromoteRequest.of("1.1.0", "dev", "qat").withAllowDrift(true, "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--reason");
    }

    @Test
    void shouldWarnButPromoteWhenTheSpecSaysGatesDriftWarn() throws SQLException {
        product.writeSpec(product.readSpec() + "gates:\n  drift: warn\n");
        DataOps warned = product.open("alice", ledger);
        execute("qat", "ALTER TABLE customer ADD COLUMN vip BOOLEAN");

        PromoteResult result = warned.promote(PromoteRequest.of("1.1.0", "dev", "qat"));

        assertThat(result.gates())
                .filteredOn(g -> g.name().equals("drift"))
                .singleElement()
                .satisfies(g -> assertThat(g.detail()).contains("has drifted", "gates.drift: warn"));
    }

    @Test
    void shouldRefuseARelaseThatDropsAColumnAChecksReadsBeforeApplyingAnything() throws IOException {
        toRelease130InDev();
        appendToChangelog(DROP_LOYALTY_POINTS);

        assertThatThrownBy(() -> dataOps.migrate(
                        MigrateRequest.of("dev").withTag("1.4.0").withAllowDestructive(true)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("customer.yaml:")
                .hasMessageContaining("check 'range_loyalty_points' breaks: drop column customer.loyalty_points")
                .hasMessageContaining("--allow-broken-checks");

        assertThat(last().event().outcome()).isEqualTo("refused");
        assertThat(dataOps.status(StatusRequest.of("dev")).status().currentTag())
                .isEqualTo("1.3.0");
    }

    @Test
    void shouldListTheBreakingChecksInStatusAndDryRunAndRecordAnAllowedBreak() throws IOException {
        toRelease130InDev();
        appendToChangelog(DROP_LOYALTY_POINTS);

        StatusResult status = dataOps.status(StatusRequest.of("dev").withTag("1.4.0"));
        MigrateResult dryRun =
                dataOps.migrate(MigrateRequest.of("dev").withTag("1.4.0").withDryRun(true));
        MigrateResult applied = dataOps.migrate(MigrateRequest.of("dev")
                .withTag("1.4.0")
                .withAllowDestructive(true)
                .withAllowBrokenChecks(true));

        assertThat(status.impact().breaking())
                .extracting(CheckImpact::suiteFile, CheckImpact::check)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("customer.yaml", "range_loyalty_points"),
                        org.assertj.core.groups.Tuple.tuple("customer.yaml", "active_customers_have_points"));
        assertThat(status.toMap()).containsKey("impact");
        assertThat(dryRun.impact().breaking()).isNotEmpty();
        assertThat(applied.release()).isEqualTo("1.4.0");
        GovernanceRecord migrate = ledger.records().stream()
                .filter(r -> r.event().action().equals("migrate")
                        && r.event().outcome().equals("success"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(migrate.event().evidence()).containsEntry("allowBrokenChecks", true);
        assertThat((List<?>) migrate.event().evidence().get("impact")).isNotEmpty();
    }

    @Test
    void shouldPassARenameWhoseSuiteFollowsIt() {
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.2.0").withAllowNoRollback(true));

        MigrateResult result = dataOps.migrate(MigrateRequest.of("dev").withTag("1.3.0"));

        assertThat(result.release()).isEqualTo("1.3.0");
        assertThat(result.impact().breaking()).isEmpty();
        assertThat(result.impact().checks())
                .filteredOn(c -> c.verdict() == CheckImpact.Verdict.FOLLOWED)
                .extracting(CheckImpact::check)
                .contains("known_tier", "gold_tier_needs_points");
        assertThat(dataOps.test(TestRequest.of("dev")).breached()).isFalse();
    }

    private void toRelease130InDev() {
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.3.0").withAllowNoRollback(true));
    }

    private void appendToChangelog(final String text) throws IOException {
        Path changelog = product.dir().resolve("db").resolve("changelog.yaml");
        Files.writeString(changelog, Files.readString(changelog) + text);
    }

    private GovernanceRecord last() {
        List<GovernanceRecord> records = ledger.records();
        return records.get(records.size() - 1);
    }

    @SuppressWarnings("unchecked") // evidence lists hold maps, as the engine wrote them
    private static List<Map<String, Object>> findingsOf(final GovernanceRecord record) {
        return (List<Map<String, Object>>) record.event().evidence().get("findings");
    }

    private void execute(final String env, final String sql) throws SQLException {
        DatabaseTarget target = dataOps.target(env);
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private boolean tableExists(final String env, final String table) throws SQLException {
        try (Connection c = dataOps.target(env).open();
                ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                if (r.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }
}
