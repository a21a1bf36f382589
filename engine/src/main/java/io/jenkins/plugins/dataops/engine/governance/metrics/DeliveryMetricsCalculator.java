package io.jenkins.plugins.dataops.engine.governance.metrics;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Computes the delivery metrics of every data product from governance records, handed over oldest first in one
 * pass (it keeps one small entry per deployment and per day, never the records). What counts:
 * <ul>
 *   <li><b>Outcomes only.</b> {@code intent} records announce an operation and are skipped (counted in
 *   {@link DeliveryMetrics#intents()}); the outcome record that settles each intent is what counts. An
 *   {@code interrupted} record (an intent a killed run left, settled later) counts as a failed attempt.</li>
 *   <li><b>Trusted records only.</b> The record at the first broken link of the chain and every record after it
 *   are not counted; {@link DeliveryMetrics#excludedUntrusted()} says how many.</li>
 *   <li><b>Deployment:</b> a {@code migrate} or {@code promote} record of an environment with outcome
 *   {@code success} and a release. Rollbacks are not deployments. <b>Deployment frequency</b> is the deployments
 *   in the window divided by the window's days (at least one).</li>
 *   <li><b>Failed deployment</b> (change failure): a deployment of release R into environment E followed, before
 *   the next deployment into E, by any of: a data-test run ({@code test}) of R in E that {@code failed} or ended
 *   in {@code error} (the post-deploy checks of promote and rollback are such runs); a failed
 *   {@code promote-verification} of R in E; a successful {@code rollback} of E away from R (its
 *   {@code fromRelease}); a {@code promote} of R out of E
 *   {@code refused} by the {@code tests-passed} gate (refused after apply). The first such record is when it
 *   failed. <b>Change failure rate</b> is failed deployments divided by deployments, both in the window.</li>
 *   <li><b>Time to restore</b> of a failed deployment: from when it failed to the next deployment into E that did
 *   not fail itself (the next good release). Without one, the failure stays open (no time, never zero).</li>
 *   <li><b>Failed attempt:</b> a {@code migrate}, {@code promote} or {@code rollback} record with outcome
 *   {@code failed}, {@code error} or {@code interrupted}; {@code refused} is not one (nothing was changed).</li>
 *   <li><b>Lead time</b> of a release into environment E of the product's promotion path (after the first): from
 *   its first deployment into the path's first environment to its first deployment into E. The product's lead
 *   time is that into the last environment of the path.</li>
 *   <li><b>Data-test pass rate:</b> {@code test} records with outcome {@code passed}, among those that
 *   {@code passed}, {@code failed} or ended in {@code error}, per UTC day of the records' timestamps.</li>
 *   <li><b>Window:</b> from {@link MetricsScope#sinceMillis()} (else the first trusted record) to the newest
 *   trusted record. A metric counts an event by its own time: a deployment, a failure's deployment, a lead time's
 *   arrival, a test run. Records before the window still set the scene (a lead time may start before it).</li>
 *   <li><b>Environments:</b> those of the promotion path always, others only when the window holds a deployment,
 *   a failed attempt or a data-test run there (an ephemeral environment that was only provisioned is left out).</li>
 * </ul>
 * Not thread-safe: one per computation.
 */
public final class DeliveryMetricsCalculator implements Consumer<GovernanceRecord> {
    private static final String TESTS_GATE = "tests-passed";

    private final MetricsScope scope;
    private final Map<String, Map<String, EnvironmentLog>> products = new TreeMap<>();
    private long position;
    private long firstMillis = TimeValues.NONE;
    private long lastMillis = TimeValues.NONE;
    private long outcomeRecords;
    private long intents;
    private long excluded;

    /**
     * Creates a calculator.
     *
     * @param scope the window, the environments shown, the promotion paths and the chain's trust
     */
    public DeliveryMetricsCalculator(final MetricsScope scope) {
        this.scope = scope;
    }

    /**
     * Takes the next record (oldest first).
     *
     * @param record a governance record
     */
    @Override
    public void accept(final GovernanceRecord record) {
        position++;
        if (position >= scope.untrustedFrom() || record.sequence() >= scope.untrustedFrom()) {
            excluded++;
            return;
        }
        firstMillis = firstMillis == TimeValues.NONE ? record.timeMillis() : Math.min(firstMillis, record.timeMillis());
        lastMillis = Math.max(lastMillis, record.timeMillis());
        GovernanceEvent event = record.event();
        if (Outcome.INTENT.matches(event.outcome())) {
            intents++;
            return;
        }
        outcomeRecords++;
        if (event.product().isEmpty() || event.environment().isEmpty()) {
            return;
        }
        log(event.product(), event.environment()).accept(record);
        if (isRefusedByTests(event)
                && event.evidence().get(EvidenceKeys.FROM) instanceof String from
                && !from.isEmpty()) {
            log(event.product(), from).refusedOnward(event.release(), record.timeMillis());
        }
    }

    /**
     * Returns the metrics of the records taken so far.
     *
     * @return the metrics, products sorted by name
     */
    public DeliveryMetrics result() {
        long start = scope.sinceMillis() != Long.MIN_VALUE ? scope.sinceMillis() : firstMillis;
        double days = DeliveryMetrics.windowDays(start, lastMillis);
        List<ProductMetrics> metrics = new ArrayList<>();
        products.forEach((product, logs) -> metrics.add(product(product, logs, days)));
        return new DeliveryMetrics(
                lastMillis == TimeValues.NONE ? TimeValues.NONE : start,
                lastMillis,
                outcomeRecords,
                intents,
                excluded,
                metrics);
    }

    private ProductMetrics product(final String product, final Map<String, EnvironmentLog> logs, final double days) {
        List<String> path = scope.path(product);
        Set<String> order = new LinkedHashSet<>(path);
        order.addAll(logs.keySet()); // the tree map's keys: the environments off the path, sorted
        Map<String, Long> starts = path.isEmpty() || !logs.containsKey(path.get(0))
                ? Map.of()
                : logs.get(path.get(0)).firstDeployments();
        List<EnvironmentMetrics> environments = new ArrayList<>();
        for (String environment : order) {
            if (scope.shows(environment)) {
                boolean measured = path.indexOf(environment) > 0;
                EnvironmentLog log = logs.getOrDefault(environment, new EnvironmentLog(scope.sinceMillis()));
                EnvironmentMetrics metrics = log.metrics(environment, days, measured ? starts : Map.of());
                if (path.contains(environment) || !metrics.isQuiet()) {
                    environments.add(metrics);
                }
            }
        }
        return new ProductMetrics(product, path, environments);
    }

    private EnvironmentLog log(final String product, final String environment) {
        return products.computeIfAbsent(product, p -> new TreeMap<>())
                .computeIfAbsent(environment, e -> new EnvironmentLog(scope.sinceMillis()));
    }

    private static boolean isRefusedByTests(final GovernanceEvent event) {
        if (!Action.PROMOTE.matches(event.action()) || !Outcome.REFUSED.matches(event.outcome())) {
            return false;
        }
        return event.evidence().get(EvidenceKeys.GATES) instanceof List<?> gates
                && gates.stream()
                        .anyMatch(gate -> gate instanceof Map<?, ?> g
                                && TESTS_GATE.equals(g.get(EvidenceKeys.NAME))
                                && Boolean.FALSE.equals(g.get(EvidenceKeys.PASSED)));
    }
}
