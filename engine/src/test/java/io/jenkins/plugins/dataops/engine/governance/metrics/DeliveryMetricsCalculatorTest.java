package io.jenkins.plugins.dataops.engine.governance.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The metrics' definitions, each on a small hand-made ledger whose expected numbers are worked out by hand. */
class DeliveryMetricsCalculatorTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long T0 = Instant.parse("2024-05-01T08:00:00Z").toEpochMilli();
    private static final String PRODUCT = "customer";

    private final List<GovernanceRecord> records = new ArrayList<>();

    @Test
    void shouldReportNothingButAnOpenWindowForAnEmptyLedger() {
        // Given no records
        // When the metrics are computed
        DeliveryMetrics metrics = compute(MetricsScope.all().withPromotionPath(PRODUCT, List.of("dev", "prod")));

        // Then there is no product, no window and nothing excluded
        assertThat(metrics.products()).isEmpty();
        assertThat(metrics.toMap())
                .containsEntry("windowStart", null)
                .containsEntry("windowEnd", null)
                .containsEntry("windowDays", 1.0)
                .containsEntry("outcomeRecords", 0L)
                .containsEntry("excludedUntrusted", 0L);
    }

    @Test
    void shouldMeasureAProductWithOneEnvironmentWithoutALeadTime() {
        // Given dev only: 1.0 good, 1.1 whose tests fail, 1.2 good two days later
        add(0, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS);
        add(HOUR, Action.TEST, "dev", "1.0", Outcome.PASSED);
        add(DAY, Action.MIGRATE, "dev", "1.1", Outcome.SUCCESS);
        add(DAY + HOUR, Action.TEST, "dev", "1.1", Outcome.FAILED);
        add(3 * DAY, Action.MIGRATE, "dev", "1.2", Outcome.SUCCESS);
        add(4 * DAY, Action.TEST, "dev", "1.2", Outcome.PASSED);

        // When the metrics are computed
        DeliveryMetrics metrics = compute(MetricsScope.all().withPromotionPath(PRODUCT, List.of("dev")));

        // Then: 3 deployments over 4 days, 1 failed (restored by 1.2 after 2 days - 1 hour), 2 of 3 tests passed
        EnvironmentMetrics dev = environment(metrics, "dev");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(metrics.windowDays()).isEqualTo(4.0);
        softly.assertThat(dev.deployments()).isEqualTo(3);
        softly.assertThat(dev.deploymentsPerDay()).isEqualTo(0.75);
        softly.assertThat(dev.changeFailureRate()).isEqualTo(0.3333);
        softly.assertThat(dev.failures())
                .containsExactly(new ChangeFailure(
                        "1.1", T0 + DAY, T0 + DAY + HOUR, ChangeFailure.TESTS_FAILED, T0 + 3 * DAY, "1.2"));
        softly.assertThat(dev.medianRestoreMillis()).isEqualTo(2 * DAY - HOUR);
        softly.assertThat(dev.leadTimes()).isEmpty();
        softly.assertThat(metrics.products().get(0).leadTimes()).isEmpty();
        softly.assertThat(metrics.products().get(0).toMap()).containsEntry("medianLeadTimeMillis", null);
        softly.assertThat(dev.testRuns()).isEqualTo(3);
        softly.assertThat(dev.toMap()).containsEntry("testPassRate", 0.6667);
        softly.assertAll();
    }

    @Test
    void shouldLeaveTheTimeToRestoreOpenAfterARollbackWithNoLaterGoodRelease() {
        // Given 1.0 and 1.1 through dev to prod, then prod rolled back to 1.0 and nothing deployed after
        add(0, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS);
        add(2 * HOUR, Action.PROMOTE, "prod", "1.0", Outcome.SUCCESS, from("dev"));
        add(DAY, Action.MIGRATE, "dev", "1.1", Outcome.SUCCESS);
        add(DAY + 5 * HOUR, Action.PROMOTE, "prod", "1.1", Outcome.SUCCESS, from("dev"));
        add(2 * DAY, Action.ROLLBACK, "prod", "1.0", Outcome.SUCCESS);
        add(2 * DAY + HOUR, Action.TEST, "prod", "1.0", Outcome.PASSED);

        // When the metrics are computed
        DeliveryMetrics metrics = compute(MetricsScope.all().withPromotionPath(PRODUCT, List.of("dev", "prod")));

        // Then prod's 1.1 failed at the rollback and is still open: no time to restore, not zero
        EnvironmentMetrics prod = environment(metrics, "prod");
        assertThat(prod.failures())
                .containsExactly(
                        new ChangeFailure("1.1", T0 + DAY + 5 * HOUR, T0 + 2 * DAY, ChangeFailure.ROLLED_BACK, -1, ""));
        assertThat(prod.openFailures()).isEqualTo(1);
        assertThat(prod.toMap()).containsEntry("medianRestoreMillis", null).containsEntry("changeFailureRate", 0.5);
        assertThat(prod.failures().get(0).toMap())
                .containsEntry("restoredAt", null)
                .containsEntry("restoreMillis", null);
        // And the lead times to prod are 2 h and 5 h (median 3.5 h), and the product's are prod's
        assertThat(prod.leadTimes()).extracting(LeadTime::leadTimeMillis).containsExactly(2 * HOUR, 5 * HOUR);
        assertThat(metrics.products().get(0).medianLeadTimeMillis()).isEqualTo(7 * HOUR / 2);
        assertThat(environment(metrics, "dev").failures()).isEmpty();
    }

    @Test
    void shouldCountOnlyPromotionsRefusedByTheTestsGateAsFailuresOfTheSource() {
        // Given 1.0 refused for want of an approval, then 1.1 refused by the tests gate, then 1.2 delivered
        add(0, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS);
        add(HOUR, Action.PROMOTE, "qat", "1.0", Outcome.REFUSED, refusedBy("dev", "approval"));
        add(2 * HOUR, Action.MIGRATE, "dev", "1.1", Outcome.SUCCESS);
        add(3 * HOUR, Action.PROMOTE, "qat", "1.1", Outcome.REFUSED, refusedBy("dev", "tests-passed"));
        add(4 * HOUR, Action.MIGRATE, "dev", "1.2", Outcome.SUCCESS);
        add(5 * HOUR, Action.PROMOTE, "qat", "1.2", Outcome.SUCCESS, from("dev"));

        // When the metrics are computed
        DeliveryMetrics metrics = compute(MetricsScope.all().withPromotionPath(PRODUCT, List.of("dev", "qat")));

        // Then only dev's 1.1 failed, restored one hour later by 1.2; qat had one deployment, 1.2 after 1 h
        assertThat(environment(metrics, "dev").failures())
                .containsExactly(new ChangeFailure(
                        "1.1", T0 + 2 * HOUR, T0 + 3 * HOUR, ChangeFailure.PROMOTION_REFUSED, T0 + 4 * HOUR, "1.2"));
        assertThat(environment(metrics, "qat").deployments()).isEqualTo(1);
        assertThat(environment(metrics, "qat").leadTimes())
                .containsExactly(new LeadTime("1.2", T0 + 4 * HOUR, T0 + 5 * HOUR));
    }

    @Test
    void shouldCountOneFailureForAFailedVerificationAndItsAutomaticRollback() {
        // Given a promotion whose post-deploy tests fail, rolled back automatically, then a good release
        add(0, Action.PROMOTE, "qat", "1.0", Outcome.SUCCESS, from("dev"));
        add(HOUR, Action.PROMOTE, "qat", "1.1", Outcome.SUCCESS, from("dev"));
        add(HOUR + 1000, Action.TEST, "qat", "1.1", Outcome.FAILED);
        add(HOUR + 2000, Action.ROLLBACK, "qat", "1.0", Outcome.SUCCESS);
        add(HOUR + 3000, Action.PROMOTE_VERIFICATION, "qat", "1.1", Outcome.FAILED);
        add(3 * HOUR, Action.PROMOTE, "qat", "1.2", Outcome.SUCCESS, from("dev"));

        // When the metrics are computed
        EnvironmentMetrics qat = environment(compute(MetricsScope.all()), "qat");

        // Then the first record that showed it is the failure; restored 2 h - 1 s later
        assertThat(qat.failures())
                .singleElement()
                .returns(ChangeFailure.TESTS_FAILED, ChangeFailure::cause)
                .returns(2 * HOUR - 1000, ChangeFailure::restoreMillis);
        assertThat(qat.deployments()).isEqualTo(3);
    }

    @Test
    void shouldNotFailTheCurrentDeploymentWhenARollbackUndoesAFailedAttempt() {
        // Given 1.0 deployed, a failed promotion of 1.1, and a rollback from 1.1's remains back to 1.0
        add(0, Action.PROMOTE, "qat", "1.0", Outcome.SUCCESS, from("dev"));
        add(HOUR, Action.PROMOTE, "qat", "1.1", Outcome.FAILED, from("dev"));
        add(2 * HOUR, Action.ROLLBACK, "qat", "1.0", Outcome.SUCCESS, Map.of(EvidenceKeys.FROM_RELEASE, "1.1"));

        // When the metrics are computed
        EnvironmentMetrics qat = environment(compute(MetricsScope.all()), "qat");

        // Then 1.0 did not fail; the failed promotion is a failed attempt
        assertThat(qat.failures()).isEmpty();
        assertThat(qat.failedAttempts()).isEqualTo(1);
        assertThat(qat.deployments()).isEqualTo(1);
    }

    @Test
    void shouldSkipIntentsCountInterruptedAttemptsAndExcludeUntrustedRecords() {
        // Given an intent settled by a success, an intent settled as interrupted, and records after a broken link
        add(0, Action.MIGRATE, "dev", "1.0", Outcome.INTENT);
        add(1000, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS);
        add(HOUR, Action.MIGRATE, "dev", "1.1", Outcome.INTENT);
        add(2 * HOUR, Action.MIGRATE, "dev", "1.1", Outcome.INTERRUPTED);
        add(3 * HOUR, Action.MIGRATE, "dev", "1.1", Outcome.REFUSED);
        add(4 * HOUR, Action.MIGRATE, "dev", "1.2", Outcome.SUCCESS);
        add(5 * HOUR, Action.MIGRATE, "dev", "1.3", Outcome.SUCCESS);

        // When the metrics are computed with the chain broken at record 6
        DeliveryMetrics metrics = compute(MetricsScope.all().untrustedFrom(6));

        // Then the intents are skipped, the interrupted run is a failed attempt, records 6 and 7 are excluded
        EnvironmentMetrics dev = environment(metrics, "dev");
        assertThat(metrics.intents()).isEqualTo(2);
        assertThat(metrics.outcomeRecords()).isEqualTo(3);
        assertThat(metrics.excludedUntrusted()).isEqualTo(2);
        assertThat(metrics.windowEndMillis()).isEqualTo(T0 + 3 * HOUR);
        assertThat(dev.deployments()).isEqualTo(1);
        assertThat(dev.failedAttempts()).isEqualTo(1);
        assertThat(dev.failures()).isEmpty();
    }

    @Test
    void shouldCountByTheRecordsTimestampsInUtcWhateverTheMachinesZone() {
        // Given tests late on 1 May and early on 2 May (UTC), read on a machine 14 hours ahead of UTC
        TimeZone machine = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            add(15 * HOUR, Action.TEST, "dev", "1.0", Outcome.PASSED); // 23:00 UTC on 1 May
            add(16 * HOUR + 1, Action.TEST, "dev", "1.0", Outcome.FAILED); // 00:00 UTC on 2 May
            add(17 * HOUR, Action.TEST, "dev", "1.0", Outcome.ERROR);

            // When the metrics are computed
            EnvironmentMetrics dev = environment(compute(MetricsScope.all()), "dev");

            // Then the days are UTC days
            assertThat(dev.tests()).containsExactly(new TestDay("2024-05-01", 1, 1), new TestDay("2024-05-02", 2, 0));
            // And a failed test without a deployment of its release is no change failure
            assertThat(dev.failures()).isEmpty();
        } finally {
            TimeZone.setDefault(machine);
        }
    }

    @Test
    void shouldCountEventsByTheirOwnTimeInTheWindowAndShowOnlyTheEnvironmentsAsked() {
        // Given 1.0 applied to dev before the window and promoted to prod inside it
        add(0, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS);
        add(DAY, Action.TEST, "dev", "1.0", Outcome.PASSED);
        add(3 * DAY, Action.PROMOTE, "prod", "1.0", Outcome.SUCCESS, from("dev"));
        add(4 * DAY, Action.TEST, "prod", "1.0", Outcome.PASSED);

        // When only prod is shown, from day 2 on
        DeliveryMetrics metrics = compute(MetricsScope.all()
                .withPromotionPath(PRODUCT, List.of("dev", "prod"))
                .withEnvironments(Set.of("prod"))
                .since(T0 + 2 * DAY));

        // Then the window is days 2 to 4, prod's deployment counts and its lead time starts before the window
        assertThat(metrics.windowStartMillis()).isEqualTo(T0 + 2 * DAY);
        assertThat(metrics.windowDays()).isEqualTo(2.0);
        assertThat(metrics.products().get(0).environments())
                .extracting(EnvironmentMetrics::environment)
                .containsExactly("prod");
        EnvironmentMetrics prod = environment(metrics, "prod");
        assertThat(prod.deployments()).isEqualTo(1);
        assertThat(prod.deploymentsPerDay()).isEqualTo(0.5);
        assertThat(prod.leadTimes()).containsExactly(new LeadTime("1.0", T0, T0 + 3 * DAY));
    }

    @Test
    void shouldListThePathsEnvironmentsFirstAndThoseOffThePathSorted() {
        // Given records in an ephemeral environment and in dev; the path also names prod, which has none
        add(0, Action.MIGRATE, "pr-7", "1.0", Outcome.SUCCESS);
        add(HOUR, Action.MIGRATE, "dev", "1.0", Outcome.SUCCESS);
        add(2 * HOUR, Action.MIGRATE, "a-side", "1.0", Outcome.SUCCESS);
        add(3 * HOUR, Action.PROVISION, "pr-8", "", Outcome.SUCCESS);

        // When the metrics are computed
        DeliveryMetrics metrics = compute(MetricsScope.all().withPromotionPath(PRODUCT, List.of("dev", "prod")));

        // Then dev and prod come first (prod with nothing), then the others by name (pr-8, only provisioned, is
        // left out); no lead time off the path
        assertThat(metrics.products().get(0).environments())
                .extracting(EnvironmentMetrics::environment)
                .containsExactly("dev", "prod", "a-side", "pr-7");
        assertThat(environment(metrics, "prod").toMap())
                .containsEntry("deployments", 0L)
                .containsEntry("changeFailureRate", null)
                .containsEntry("testPassRate", null);
        assertThat(environment(metrics, "pr-7").leadTimes()).isEmpty();
    }

    private DeliveryMetrics compute(final MetricsScope scope) {
        DeliveryMetricsCalculator calculator = new DeliveryMetricsCalculator(scope);
        records.forEach(calculator);
        return calculator.result();
    }

    private static EnvironmentMetrics environment(final DeliveryMetrics metrics, final String name) {
        return metrics.products().get(0).environments().stream()
                .filter(e -> e.environment().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private void add(
            final long offset, final Action action, final String env, final String release, final Outcome outcome) {
        add(offset, action, env, release, outcome, Map.of());
    }

    private void add(
            final long offset,
            final Action action,
            final String env,
            final String release,
            final Outcome outcome,
            final Map<String, Object> evidence) {
        GovernanceEvent event = new GovernanceEvent("alice", action, PRODUCT, env, release, outcome, "cli", evidence);
        records.add(new GovernanceRecord(records.size() + 1, T0 + offset, event, "", ""));
    }

    private static Map<String, Object> from(final String source) {
        return Map.of(EvidenceKeys.FROM, source);
    }

    private static Map<String, Object> refusedBy(final String source, final String gate) {
        return Map.of(
                EvidenceKeys.FROM,
                source,
                EvidenceKeys.GATES,
                List.of(
                        Map.of(EvidenceKeys.NAME, "promotion-path", EvidenceKeys.PASSED, true),
                        Map.of(EvidenceKeys.NAME, gate, EvidenceKeys.PASSED, false)));
    }
}
