package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the keys of every result's {@code toMap()}: the plugin's step values and the command line's {@code --json}
 * are these maps, so a key that disappears breaks users' scripts. Runs the real operations on the example
 * product and H2, and checks that the maps hold only plain JDK values a Pipeline script may receive.
 */
class ResultMapsITest {
    @TempDir
    private Path dir;

    private DataOps dataOps;

    @BeforeEach
    void open() {
        ExampleProduct product = ExampleProduct.onH2(dir);
        dataOps = new DataOps(
                SpecLoader.load(product.spec()),
                new Session("alice", "test", new MapCredentialsResolver(), ProgressListener.NONE, new MemoryLedger()));
    }

    @Test
    void shouldPinTheKeysOfTheProvisioningResults() {
        Map<String, Object> plan = dataOps.plan(PlanRequest.of("dev")).toMap();
        Map<String, Object> provision =
                dataOps.provision(ProvisionRequest.of("dev")).toMap();
        Map<String, Object> ephemeral = dataOps.createEphemeral(
                        CreateEphemeralRequest.of("pr-1").withTtl(Duration.ofHours(1)))
                .toMap();
        Map<String, Object> destroy = dataOps.destroy(DestroyRequest.of("pr-1")).toMap();
        Map<String, Object> gc = dataOps.gc(GcRequest.expired()).toMap();

        List<String> planKeys =
                List.of("environment", "provider", "changes", "created", "updated", "unchanged", "deleted", "summary");
        assertThat(plan).containsOnlyKeys(with(planKeys, "applied")).containsEntry("applied", false);
        assertThat(provision).containsOnlyKeys(with(planKeys, "applied")).containsEntry("created", 1L);
        assertThat(ephemeral)
                .containsOnlyKeys(with(planKeys, "applied", "ephemeral", "name", "expiresAt"))
                .containsEntry("name", "pr-1");
        assertThat(destroy).containsOnlyKeys(with(planKeys, "destroyed"));
        assertThat(gc).containsOnlyKeys("destroyed");
        assertThat((List<?>) plan.get("changes"))
                .first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("type", "name", "action", "detail");
        List.of(plan, provision, ephemeral, destroy, gc).forEach(ResultMapsITest::assertPlain);
    }

    @Test
    void shouldPinTheKeysOfTheSchemaAndReleaseResults() {
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.provision(ProvisionRequest.of("qat"));
        Map<String, Object> dryRun = dataOps.migrate(
                        MigrateRequest.of("dev").withTag("1.0.0").withDryRun(true))
                .toMap();
        Map<String, Object> migrate =
                dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0")).toMap();
        Map<String, Object> test = dataOps.test(TestRequest.of("dev")).toMap();
        Map<String, Object> promote =
                dataOps.promote(PromoteRequest.of("1.0.0", "dev", "qat")).toMap();
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));
        Map<String, Object> rollback =
                dataOps.rollback(RollbackRequest.of("dev")).toMap();
        Map<String, Object> status = dataOps.status(StatusRequest.of("dev")).toMap();
        Map<String, Object> history = dataOps.history(HistoryRequest.of("dev")).toMap();
        Map<String, Object> ledger =
                dataOps.verifyLedger(VerifyLedgerRequest.all()).toMap();
        Map<String, Object> metrics = dataOps.metrics(MetricsRequest.all()).toMap();

        List<String> migrateKeys = List.of(
                "environment",
                "release",
                "fingerprint",
                "result",
                "dryRunSql",
                "dryRun",
                "previousRelease",
                "changeSets",
                "sql",
                "impact");
        assertThat(dryRun)
                .containsOnlyKeys(migrateKeys)
                .containsEntry("dryRun", true)
                .containsEntry("result", null);
        assertThat(migrate)
                .containsOnlyKeys(migrateKeys)
                .containsEntry("release", "1.0.0")
                .containsEntry("changeSets", 3)
                .containsEntry("dryRun", false);
        assertThat(test)
                .containsOnlyKeys(
                        "environment",
                        "startedAt",
                        "durationMillis",
                        "suitesChecksum",
                        "scanQueries",
                        "sampleQueries",
                        "status",
                        "summary",
                        "counts",
                        "results",
                        "release",
                        "fingerprint",
                        "skippedSuites",
                        "breached",
                        "total",
                        "passed",
                        "warnings",
                        "errors")
                .containsEntry("breached", false);
        assertThat(promote)
                .containsOnlyKeys(
                        "release",
                        "from",
                        "to",
                        "fingerprint",
                        "approvedBy",
                        "gates",
                        "applied",
                        "verification",
                        "verificationDetails",
                        "changeSets",
                        "approver",
                        "impact")
                .containsEntry("changeSets", 3);
        assertThat(promote.get("verification")).isInstanceOf(String.class);
        assertThat(rollback)
                .containsOnlyKeys(
                        "environment",
                        "fromRelease",
                        "toRelease",
                        "rolledBack",
                        "verification",
                        "verificationDetails",
                        "previousRelease",
                        "release",
                        "changeSets")
                .containsEntry("previousRelease", "1.1.0")
                .containsEntry("release", "1.0.0");
        assertThat(status).containsOnlyKeys("environment", "currentTag", "applied", "pending", "findings", "impact");
        assertThat(history).containsOnlyKeys("environment", "releases", "changeSets");
        assertThat(ledger)
                .containsOnlyKeys(
                        "intact", "records", "firstBroken", "problem", "keyed", "chainIntact", "anchors", "description")
                .containsEntry("intact", true);
        assertThat(metrics)
                .containsOnlyKeys(
                        "intact",
                        "windowStart",
                        "windowEnd",
                        "windowDays",
                        "outcomeRecords",
                        "intents",
                        "excludedUntrusted",
                        "products")
                .containsEntry("intact", true)
                .containsEntry("excludedUntrusted", 0L);
        Map<String, Object> product = item(metrics.get("products"), 0);
        assertThat(product)
                .containsOnlyKeys("product", "promotionPath", "leadTimes", "medianLeadTimeMillis", "environments");
        Map<String, Object> qat = item(product.get("environments"), 1);
        assertThat(qat)
                .containsOnlyKeys(
                        "environment",
                        "deployments",
                        "deploymentsPerDay",
                        "failedDeployments",
                        "changeFailureRate",
                        "failedAttempts",
                        "failures",
                        "medianRestoreMillis",
                        "openFailures",
                        "leadTimes",
                        "medianLeadTimeMillis",
                        "testRuns",
                        "testsPassed",
                        "testPassRate",
                        "testDays")
                .containsEntry("environment", "qat")
                .containsEntry("deployments", 1L);
        assertThat((List<?>) qat.get("leadTimes"))
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("release", "startedAt", "deliveredAt", "leadTimeMillis");
        assertThat((List<?>) qat.get("testDays"))
                .first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("day", "runs", "passed", "passRate");
        Map<String, Object> dev = item(product.get("environments"), 0);
        assertThat((List<?>) dev.get("failures"))
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys(
                        "release", "deployedAt", "failedAt", "cause", "restoredAt", "restoredBy", "restoreMillis")
                .containsEntry("cause", "rolled-back");
        List.of(dryRun, migrate, test, promote, rollback, status, history, ledger, metrics)
                .forEach(ResultMapsITest::assertPlain);
    }

    @SuppressWarnings("unchecked") // the result maps hold lists of maps with String keys, asserted by assertPlain
    private static Map<String, Object> item(final Object list, final int index) {
        return (Map<String, Object>) ((List<?>) list).get(index);
    }

    private static List<String> with(final List<String> keys, final String... more) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(List.of(more));
        return all;
    }

    /** A Pipeline script receives these maps: only LinkedHashMap, ArrayList, String, numbers, booleans, null. */
    private static void assertPlain(final Object value) {
        if (value instanceof Map<?, ?> map) {
            assertThat(value).isInstanceOf(LinkedHashMap.class);
            map.forEach((key, item) -> {
                assertThat(key).isInstanceOf(String.class);
                assertPlain(item);
            });
        } else if (value instanceof List<?> list) {
            assertThat(value).isInstanceOf(ArrayList.class);
            list.forEach(ResultMapsITest::assertPlain);
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
