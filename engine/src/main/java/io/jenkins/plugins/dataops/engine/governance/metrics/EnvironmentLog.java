package io.jenkins.plugins.dataops.engine.governance.metrics;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one environment of a product went through, gathered from its outcome records in ledger order: its
 * deployments (each marked failed by the first record that shows it failed), its failed attempts and its data-test
 * runs per UTC day. Holds one small entry per deployment and per day, never the records.
 */
final class EnvironmentLog {
    private static final Set<String> DEPLOYING = Action.wireNames(Action.MIGRATE, Action.PROMOTE);
    private static final Set<String> ATTEMPTING = Action.wireNames(Action.MIGRATE, Action.PROMOTE, Action.ROLLBACK);
    /** Outcomes of an attempt that delivered nothing; {@code refused} is left out: it changed nothing. */
    private static final Set<String> FAILED_ATTEMPT =
            Set.of(Outcome.FAILED.wireName(), Outcome.ERROR.wireName(), Outcome.INTERRUPTED.wireName());

    private static final Set<String> TEST_FAILED = Set.of(Outcome.FAILED.wireName(), Outcome.ERROR.wireName());

    private final long since;
    private final List<Deployment> deployments = new ArrayList<>();
    private final Map<String, long[]> testDays = new TreeMap<>();
    private long failedAttempts;

    EnvironmentLog(final long since) {
        this.since = since;
    }

    void accept(final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        String action = event.action();
        String outcome = event.outcome();
        long time = record.timeMillis();
        if (DEPLOYING.contains(action)
                && Outcome.SUCCESS.matches(outcome)
                && !event.release().isEmpty()) {
            deployments.add(new Deployment(event.release(), time));
        } else if (ATTEMPTING.contains(action) && FAILED_ATTEMPT.contains(outcome) && time >= since) {
            failedAttempts++;
        }
        if (Action.TEST.matches(action)) {
            acceptTest(event, time);
        } else if (Action.PROMOTE_VERIFICATION.matches(action) && Outcome.FAILED.matches(outcome)) {
            failLast(event.release(), time, ChangeFailure.VERIFICATION_FAILED);
        } else if (Action.ROLLBACK.matches(action) && Outcome.SUCCESS.matches(outcome) && !deployments.isEmpty()) {
            failLast(rolledBackFrom(event), time, ChangeFailure.ROLLED_BACK);
        }
    }

    /** A promotion of a release out of this environment was refused because its data tests here did not pass. */
    void refusedOnward(final String release, final long time) {
        failLast(release, time, ChangeFailure.PROMOTION_REFUSED);
    }

    private void acceptTest(final GovernanceEvent event, final long time) {
        boolean passed = Outcome.PASSED.matches(event.outcome());
        boolean failed = TEST_FAILED.contains(event.outcome());
        if (failed) {
            failLast(event.release(), time, ChangeFailure.TESTS_FAILED);
        }
        if ((passed || failed) && time >= since) {
            long[] day = testDays.computeIfAbsent(TimeValues.day(time), d -> new long[2]);
            day[0]++;
            day[1] += passed ? 1 : 0;
        }
    }

    /**
     * The release a rollback left: its {@code fromRelease}, else the current deployment's (a rollback recorded
     * without it). A rollback from something else (the remains of a failed attempt) fails no deployment.
     */
    private String rolledBackFrom(final GovernanceEvent event) {
        if (event.evidence().get(EvidenceKeys.FROM_RELEASE) instanceof String from && !from.isEmpty()) {
            return from;
        }
        return deployments.get(deployments.size() - 1).release;
    }

    /** Marks the environment's current deployment failed when it is of the release named. */
    private void failLast(final String release, final long time, final String cause) {
        if (!deployments.isEmpty()
                && deployments.get(deployments.size() - 1).release.equals(release)) {
            deployments.get(deployments.size() - 1).fail(time, cause);
        }
    }

    /** @return each release's first deployment here (epoch ms), in order */
    Map<String, Long> firstDeployments() {
        Map<String, Long> first = new LinkedHashMap<>();
        deployments.forEach(d -> first.putIfAbsent(d.release, d.millis));
        return first;
    }

    /**
     * Sums up the window.
     *
     * @param environment the environment's name
     * @param days        the window's length in days
     * @param starts      when each release was first deployed in the first environment of the path; empty for no
     *                    lead time (this is the first environment, or it is off the path)
     * @return the metrics
     */
    EnvironmentMetrics metrics(final String environment, final double days, final Map<String, Long> starts) {
        List<ChangeFailure> failures = new ArrayList<>();
        long counted = 0;
        for (int i = 0; i < deployments.size(); i++) {
            Deployment deployment = deployments.get(i);
            if (deployment.millis < since) {
                continue;
            }
            counted++;
            if (deployment.isFailed()) {
                failures.add(failure(deployment, i));
            }
        }
        List<TestDay> tests = new ArrayList<>();
        testDays.forEach((day, counts) -> tests.add(new TestDay(day, counts[0], counts[1])));
        return new EnvironmentMetrics(
                environment, counted, counted / days, failures, failedAttempts, leadTimes(starts), tests);
    }

    /** A failed deployment is restored by the next deployment here that did not fail itself. */
    private ChangeFailure failure(final Deployment deployment, final int index) {
        for (Deployment next : deployments.subList(index + 1, deployments.size())) {
            if (!next.isFailed()) {
                return new ChangeFailure(
                        deployment.release,
                        deployment.millis,
                        deployment.failedAt,
                        deployment.cause,
                        next.millis,
                        next.release);
            }
        }
        return new ChangeFailure(
                deployment.release, deployment.millis, deployment.failedAt, deployment.cause, TimeValues.NONE, "");
    }

    private List<LeadTime> leadTimes(final Map<String, Long> starts) {
        List<LeadTime> leadTimes = new ArrayList<>();
        firstDeployments().forEach((release, delivered) -> {
            Long started = starts.get(release);
            if (started != null && delivered >= since && delivered >= started) {
                leadTimes.add(new LeadTime(release, started, delivered));
            }
        });
        return leadTimes;
    }

    /** One deployment; failed once a record shows it, and from then on with that first cause. */
    private static final class Deployment {
        private final String release;
        private final long millis;
        private long failedAt = TimeValues.NONE;
        private String cause = "";

        Deployment(final String release, final long millis) {
            this.release = release;
            this.millis = millis;
        }

        boolean isFailed() {
            return failedAt != TimeValues.NONE;
        }

        void fail(final long time, final String why) {
            if (!isFailed()) {
                failedAt = time;
                cause = why;
            }
        }
    }
}
