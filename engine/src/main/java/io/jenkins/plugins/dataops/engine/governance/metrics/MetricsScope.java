package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link DeliveryMetricsCalculator} counts: the window's start, the environments shown, each product's
 * promotion path, and where the ledger's chain stops being trusted.
 *
 * @param sinceMillis    count only what happened at or after this time (epoch ms); {@link Long#MIN_VALUE}: all
 * @param environments   show only these environments; empty: all
 * @param promotionPaths each product's promotion path (a product without one gets no lead time)
 * @param untrustedFrom  the position (1-based) of the first broken record of the chain; {@link Long#MAX_VALUE}
 *                       when the chain is intact
 */
public record MetricsScope(
        long sinceMillis, Set<String> environments, Map<String, List<String>> promotionPaths, long untrustedFrom)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public MetricsScope {
        environments = Set.copyOf(environments);
        promotionPaths = Map.copyOf(promotionPaths);
        if (untrustedFrom < 1) {
            throw new IllegalArgumentException(
                    "untrustedFrom must be 1 or more (Long.MAX_VALUE when intact), not " + untrustedFrom);
        }
    }

    /**
     * Counts every trusted record, in every environment, with no known promotion path.
     *
     * @return the scope
     */
    public static MetricsScope all() {
        return new MetricsScope(Long.MIN_VALUE, Set.of(), Map.of(), Long.MAX_VALUE);
    }

    /**
     * Counts from a time on.
     *
     * @param millis the window's start, epoch ms
     * @return a copy
     */
    public MetricsScope since(final long millis) {
        return new MetricsScope(millis, environments, promotionPaths, untrustedFrom);
    }

    /**
     * Shows only some environments (lead times are still measured from the first environment of the path).
     *
     * @param names the environments; empty: all
     * @return a copy
     */
    public MetricsScope withEnvironments(final Set<String> names) {
        return new MetricsScope(sinceMillis, names, promotionPaths, untrustedFrom);
    }

    /**
     * Sets a product's promotion path.
     *
     * @param product the data product
     * @param path    its environments in promotion order
     * @return a copy
     */
    public MetricsScope withPromotionPath(final String product, final List<String> path) {
        Map<String, List<String>> paths = new LinkedHashMap<>(promotionPaths);
        paths.put(product, List.copyOf(path));
        return new MetricsScope(sinceMillis, environments, paths, untrustedFrom);
    }

    /**
     * Stops trusting the chain at a position: that record and every one after it are excluded and counted.
     *
     * @param position the first broken record's position (1-based); {@link Long#MAX_VALUE} when intact
     * @return a copy
     */
    public MetricsScope untrustedFrom(final long position) {
        return new MetricsScope(sinceMillis, environments, promotionPaths, position);
    }

    /** @return the promotion path of a product, empty when unknown */
    List<String> path(final String product) {
        return promotionPaths.getOrDefault(product, List.of());
    }

    /** @return whether an environment is shown */
    boolean shows(final String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
