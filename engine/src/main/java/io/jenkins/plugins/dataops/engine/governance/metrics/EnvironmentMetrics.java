package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The delivery metrics of one environment of a data product, over the window of a {@link DeliveryMetrics}. See
 * {@link DeliveryMetricsCalculator} for what counts.
 *
 * @param environment       the environment
 * @param deployments       successful deployments in the window ({@code migrate} or {@code promote} into it)
 * @param deploymentsPerDay deployments divided by the window's days
 * @param failures          the deployments of the window that failed, oldest first
 * @param failedAttempts    {@code migrate}, {@code promote} or {@code rollback} outcomes {@code failed},
 *                          {@code error} or {@code interrupted} in the window (attempts that delivered nothing)
 * @param leadTimes         per release, its first deployment here measured from the first environment of the path
 *                          (empty for the first environment and for environments off the path)
 * @param tests             the data-test runs per UTC day, oldest first
 */
public record EnvironmentMetrics(
        String environment,
        long deployments,
        double deploymentsPerDay,
        List<ChangeFailure> failures,
        long failedAttempts,
        List<LeadTime> leadTimes,
        List<TestDay> tests)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public EnvironmentMetrics {
        Objects.requireNonNull(environment, "environment");
        failures = List.copyOf(failures);
        leadTimes = List.copyOf(leadTimes);
        tests = List.copyOf(tests);
    }

    /** @return failed deployments divided by deployments, {@code null} without deployments */
    public @Nullable Double changeFailureRate() {
        return TimeValues.rate(failures.size(), deployments);
    }

    /** @return true when the window holds no deployment, failed attempt or data-test run here */
    public boolean isQuiet() {
        return deployments == 0 && failedAttempts == 0 && tests.isEmpty();
    }

    /** @return the median time to restore of the restored failures, {@code -1} when none was restored */
    public long medianRestoreMillis() {
        return TimeValues.median(failures.stream()
                .filter(f -> !f.isOpen())
                .map(ChangeFailure::restoreMillis)
                .toList());
    }

    /** @return how many failures no good release has followed yet */
    public long openFailures() {
        return failures.stream().filter(ChangeFailure::isOpen).count();
    }

    /** @return the median lead time, {@code -1} when no release arrived here along the path */
    public long medianLeadTimeMillis() {
        return TimeValues.median(
                leadTimes.stream().map(LeadTime::leadTimeMillis).toList());
    }

    /** @return the data-test runs of the window */
    public long testRuns() {
        return tests.stream().mapToLong(TestDay::runs).sum();
    }

    /** @return the data-test runs of the window that passed */
    public long testsPassed() {
        return tests.stream().mapToLong(TestDay::passed).sum();
    }

    /**
     * Returns the value the front ends show.
     *
     * @return {@code environment, deployments, deploymentsPerDay, failedDeployments, changeFailureRate,
     *     failedAttempts, failures, medianRestoreMillis, openFailures, leadTimes, medianLeadTimeMillis, testRuns,
     *     testsPassed, testPassRate, testDays}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put("deployments", deployments);
        map.put("deploymentsPerDay", deploymentsPerDay);
        map.put("failedDeployments", (long) failures.size());
        map.put("changeFailureRate", changeFailureRate());
        map.put("failedAttempts", failedAttempts);
        map.put("failures", maps(failures.stream().map(ChangeFailure::toMap).toList()));
        map.put("medianRestoreMillis", TimeValues.orNull(medianRestoreMillis()));
        map.put("openFailures", openFailures());
        map.put("leadTimes", maps(leadTimes.stream().map(LeadTime::toMap).toList()));
        map.put("medianLeadTimeMillis", TimeValues.orNull(medianLeadTimeMillis()));
        map.put("testRuns", testRuns());
        map.put("testsPassed", testsPassed());
        map.put("testPassRate", TimeValues.rate(testsPassed(), testRuns()));
        map.put("testDays", maps(tests.stream().map(TestDay::toMap).toList()));
        return map;
    }

    /** A Pipeline script receives these maps: lists must be {@link ArrayList}s. */
    static ArrayList<Object> maps(final List<? extends Object> items) {
        return new ArrayList<>(items);
    }
}
