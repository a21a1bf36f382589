package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The delivery metrics of one data product.
 *
 * @param product       the data product
 * @param promotionPath its promotion path as the caller knows it (empty: unknown, then no lead time is measured)
 * @param environments  one entry per environment: those of the path first, in path order, then the others seen,
 *                      sorted
 */
public record ProductMetrics(String product, List<String> promotionPath, List<EnvironmentMetrics> environments)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public ProductMetrics {
        Objects.requireNonNull(product, "product");
        promotionPath = List.copyOf(promotionPath);
        environments = List.copyOf(environments);
    }

    /**
     * Returns the product's lead times: those into the last environment of its path.
     *
     * @return per release, oldest first; empty when the path has fewer than two environments
     */
    public List<LeadTime> leadTimes() {
        if (promotionPath.size() < 2) {
            return List.of();
        }
        String last = promotionPath.get(promotionPath.size() - 1);
        return environments.stream()
                .filter(e -> e.environment().equals(last))
                .findFirst()
                .map(EnvironmentMetrics::leadTimes)
                .orElse(List.of());
    }

    /** @return the median lead time to the last environment of the path, {@code -1} when none arrived */
    public long medianLeadTimeMillis() {
        return TimeValues.median(
                leadTimes().stream().map(LeadTime::leadTimeMillis).toList());
    }

    /**
     * Returns the value the front ends show.
     *
     * @return {@code product, promotionPath, leadTimes, medianLeadTimeMillis, environments}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("product", product);
        map.put("promotionPath", EnvironmentMetrics.maps(promotionPath));
        map.put(
                "leadTimes",
                EnvironmentMetrics.maps(
                        leadTimes().stream().map(LeadTime::toMap).toList()));
        map.put("medianLeadTimeMillis", TimeValues.orNull(medianLeadTimeMillis()));
        map.put(
                "environments",
                EnvironmentMetrics.maps(
                        environments.stream().map(EnvironmentMetrics::toMap).toList()));
        return map;
    }
}
