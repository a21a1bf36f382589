package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.WatermarkRange;
import io.jenkins.plugins.dataops.engine.release.TestWatermarks;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental suites on a real database: a first run checks every row and sets the watermark, the next checks
 * only the rows changed since (and finds a violation among them), a violation in an old row is found only by a
 * full run, and a changed suite, a failing run, a killed run or a forged watermark row never make a run skip rows
 * it has to check.
 */
abstract class AbstractIncrementalDataTestsTest {
    static final int ROWS = 1000;
    static final String SUITE = """
            table: orders_inc
            incremental: { column: updated_at }
            checks:
              - row_count: { min: 1 }
              - not_null: { column: email }
              - unique: { column: email }
              - range: { column: amount, min: 0, name: amount_not_negative }
              - relationships: { column: customer_id, to: orders_inc, field: id }
            """;

    @TempDir
    Path dir;

    ExampleProduct product;
    Ledger ledger;
    DataOps dataOps;

    /** The example product on this test's database. */
    abstract ExampleProduct product(Path dir);

    /** A query returning the numbers 1 to n in a column {@code x}. */
    abstract String numbers(int n);

    @BeforeEach
    void createTable() throws IOException, SQLException {
        product = product(dir);
        ledger = new JsonLinesLedger(dir.resolve("ledger.jsonl"), Clock.systemUTC());
        dataOps = product.open("alice", ledger);
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        execute("CREATE TABLE orders_inc (id BIGINT PRIMARY KEY, email VARCHAR(100), amount INTEGER,"
                + " customer_id BIGINT, updated_at TIMESTAMP NOT NULL)");
        execute("INSERT INTO orders_inc SELECT x, CONCAT('u', x, '@example.com'), x, x,"
                + " TIMESTAMP '2026-01-01 00:00:00' + x * INTERVAL '1' SECOND FROM (" + numbers(ROWS) + ") n");
        Files.writeString(product.dir().resolve("checks/inc.yaml"), SUITE);
    }

    TestResult run() {
        return dataOps.test(TestRequest.of("dev")
                .withSuite("inc")
                .withFailOn(io.jenkins.plugins.dataops.engine.quality.FailOn.ERROR));
    }

    TestResult runFull() {
        return dataOps.test(TestRequest.of("dev").withSuite("inc").withFull(true));
    }

    /** Changes 1 % of the rows (every 100th), so that they are newer than the watermark. */
    void touchOnePercent(final String extraSet) throws SQLException {
        execute("UPDATE orders_inc SET updated_at = updated_at + INTERVAL '1' DAY" + extraSet
                + " WHERE MOD(id, 100) = 0");
    }

    static CheckResult result(final TestResult result, final String name) {
        return result.report().results().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static WatermarkRange range(final TestResult result) {
        return result.report().watermarks().get(0);
    }

    @Test
    void shouldCheckOnlyTheChangedRowsAndFindTheViolationAmongThem() throws SQLException {
        // Given
        TestResult first = run();
        assertThat(first.breached()).isFalse();
        assertThat(range(first).isIncremental()).isFalse();
        assertThat(range(first).upTo()).isEqualTo("2026-01-01T00:16:40");

        // When
        touchOnePercent(", amount = CASE WHEN id = 500 THEN -1 ELSE amount END");
        TestResult second = run();

        // Then
        assertThat(second.breached()).isTrue();
        assertThat(range(second).after()).isEqualTo("2026-01-01T00:16:40");
        assertThat(range(second).upTo()).isEqualTo("2026-01-02T00:16:40");
        CheckResult amount = result(second, "amount_not_negative");
        assertThat(amount.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(amount.failingRows()).isEqualTo(1);
        assertThat(amount.checkedRows()).isEqualTo(ROWS / 100);
        assertThat(amount.incremental()).isTrue();
        assertThat(amount.checkedRange()).containsIgnoringCase("updated_at > '2026-01-01T00:16:40'");
        assertThat(amount.sample())
                .singleElement()
                .satisfies(row -> assertThat(row).containsValue("500"));
        assertThat(result(second, "row_count").incremental()).isFalse();
        assertThat(result(second, "row_count").observed()).startsWith(ROWS + " rows");
        assertThat(result(second, "not_null_email").checkedRows()).isEqualTo(ROWS / 100);
        Map<String, Object> json = second.toMap();
        assertThat(json).containsKey("watermarks");
    }

    @Test
    void shouldCountDuplicatesOfChangedKeysAgainstTheWholeTable() throws SQLException {
        run();

        // a changed row takes the e-mail of an old, unchanged row
        touchOnePercent(", email = CASE WHEN id = 500 THEN 'u7@example.com' ELSE email END");
        TestResult second = run();

        CheckResult unique = result(second, "unique_email");
        assertThat(unique.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(unique.failingRows()).isEqualTo(1);
        assertThat(unique.incremental()).isTrue();
        assertThat(unique.sample())
                .singleElement()
                // u7@example.com, masked (an e-mail column): its length and a per-run id
                .satisfies(row -> assertThat(row.values())
                        .anyMatch(v -> v != null && v.startsWith("[masked: 14 chars, id "))
                        .doesNotContain("u7@example.com"));
    }

    @Test
    void shouldFindAnOrphanAmongTheChangedRows() throws SQLException {
        run();

        touchOnePercent(", customer_id = CASE WHEN id = 300 THEN 999999 ELSE customer_id END");
        CheckResult orphans = result(run(), "relationships_customer_id");

        assertThat(orphans.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(orphans.failingRows()).isEqualTo(1);
    }

    @Test
    void shouldMissAnOldViolationIncrementallyButFindItInAFullRun() throws SQLException {
        run();
        // an old row goes bad without its timestamp changing (a fix-up script that forgot updated_at)
        execute("UPDATE orders_inc SET amount = -5 WHERE id = 7");
        touchOnePercent("");

        TestResult incremental = run();
        TestResult full = runFull();

        assertThat(incremental.breached()).isFalse();
        assertThat(result(incremental, "amount_not_negative").checkedRows()).isEqualTo(ROWS / 100);
        assertThat(full.breached()).isTrue();
        assertThat(range(full).isIncremental()).isFalse();
        assertThat(result(full, "amount_not_negative").failingRows()).isEqualTo(1);
        assertThat(result(full, "amount_not_negative").checkedRows()).isEqualTo(ROWS);
        assertThat(result(full, "amount_not_negative").incremental()).isFalse();
    }

    @Test
    void shouldCheckEveryRowAgainWhenTheSuiteChanges() throws IOException, SQLException {
        run();
        touchOnePercent("");

        Files.writeString(product.dir().resolve("checks/inc.yaml"), SUITE + "# reviewed\n");
        TestResult changed = run();

        assertThat(range(changed).isIncremental()).isFalse();
        assertThat(result(changed, "amount_not_negative").checkedRows()).isEqualTo(ROWS);
        assertThat(reason(changed)).contains("the suite file changed");
    }

    @Test
    void shouldKeepTheWatermarkAfterAFailingRun() throws SQLException {
        TestResult first = run();
        execute("INSERT INTO orders_inc VALUES (5000, 'new@example.com', -1, 1, TIMESTAMP '2026-03-01 00:00:00')");

        TestResult failing = run();
        TestResult again = run();

        assertThat(failing.breached()).isTrue();
        assertThat(again.breached()).isTrue();
        assertThat(range(again).after()).isEqualTo(range(first).upTo());
        assertThat(result(again, "amount_not_negative").failingRows()).isEqualTo(1);
        assertThat(watermarks().get("inc").watermark()).isEqualTo(range(first).upTo());
    }

    @Test
    void shouldLeaveTheWatermarkUnchangedWhenTheRunIsKilled() throws SQLException {
        TestResult first = run();
        touchOnePercent("");
        DataOps killed = new DataOps(
                SpecLoader.load(product.spec()),
                new Session(
                        "alice", "test", ExampleProduct.credentials(), dyingAtSummary(), ledger, Clock.systemUTC()));

        assertThatThrownBy(() -> killed.test(TestRequest.of("dev").withSuite("inc")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(watermarks().get("inc").watermark()).isEqualTo(range(first).upTo());
        assertThat(range(run()).after()).isEqualTo(range(first).upTo());
    }

    @Test
    void shouldRunFullWhenTheWatermarkRowWasForged() throws SQLException {
        run();
        execute("UPDATE " + TestWatermarks.TABLE + " SET watermark = '2999-01-01T00:00'");
        execute("UPDATE orders_inc SET amount = -5 WHERE id = 7");

        TestResult forged = run();

        assertThat(range(forged).isIncremental()).isFalse();
        assertThat(reason(forged)).contains("not vouched for by the ledger");
        assertThat(result(forged, "amount_not_negative").failingRows()).isEqualTo(1);
    }

    @Test
    void shouldRecordTheWatermarkRangeAndTheBaseFullRunInTheLedger() throws SQLException {
        run();
        long fullRun = lastTestRecord().sequence();
        touchOnePercent("");

        run();

        Map<?, ?> entry = lastIncrementalEntry();
        assertThat(entry.get("mode")).isEqualTo("incremental");
        assertThat(entry.get("after")).isEqualTo("2026-01-01T00:16:40");
        assertThat(entry.get("upTo")).isEqualTo("2026-01-02T00:16:40");
        assertThat(((Number) entry.get("base")).longValue()).isEqualTo(fullRun);
    }

    @Test
    void shouldRefuseAnIncrementalColumnThatCannotCarryAWatermark() throws IOException {
        Files.writeString(
                product.dir().resolve("checks/inc.yaml"), SUITE.replace("column: updated_at", "column: email"));

        assertThatThrownBy(this::run)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inc.yaml")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("column 'email' is"))
                .hasMessageContaining("cannot carry a watermark");
    }

    @Test
    void shouldRefuseAnUnknownKeyOfIncrementalWithItsLine() throws IOException {
        Files.writeString(
                product.dir().resolve("checks/inc.yaml"), SUITE.replace("column: updated_at", "colum: updated_at"));

        assertThatThrownBy(this::run)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inc.yaml', line 2")
                .hasMessageContaining("colum");
    }

    /** Why the last run checked every row, as its ledger record says. */
    String reason(final TestResult result) {
        assertThat(result.report().watermarks()).isNotEmpty();
        return String.valueOf(lastIncrementalEntry().get("reason"));
    }

    Map<?, ?> lastIncrementalEntry() {
        return (Map<?, ?>) ((List<?>) lastTestRecord().event().evidence().get("incremental")).get(0);
    }

    Map<String, TestWatermarks.Mark> watermarks() {
        return new TestWatermarks(dataOps.target("dev"))
                .read(SpecLoader.load(product.spec()).product());
    }

    GovernanceRecord lastTestRecord() {
        List<GovernanceRecord> tests = new ArrayList<>();
        ledger.forEach(r -> {
            if ("test".equals(r.event().action())) {
                tests.add(r);
            }
        });
        return tests.get(tests.size() - 1);
    }

    void execute(final String sql) throws SQLException {
        DatabaseTarget dev = dataOps.target("dev");
        try (Connection c = dev.open();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static ProgressListener dyingAtSummary() {
        return new ProgressListener() {
            @Override
            public void info(final String message) {
                if (message.startsWith("Data tests on")) {
                    throw new IllegalStateException("killed after the queries, before anything was recorded");
                }
            }

            @Override
            public void warn(final String message) {}

            @Override
            public void error(final String message) {}
        };
    }
}
