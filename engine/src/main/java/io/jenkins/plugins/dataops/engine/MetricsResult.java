package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetrics;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#metrics} computed.
 *
 * @param metrics      the delivery metrics per product and environment
 * @param verification the ledger's integrity: records from its first broken one on are not counted
 */
public record MetricsResult(DeliveryMetrics metrics, LedgerVerification verification) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public MetricsResult {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(verification, "verification");
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code intact, windowStart, windowEnd, windowDays, outcomeRecords, intents, excludedUntrusted,
     *     products} (each product with {@code product, promotionPath, leadTimes, medianLeadTimeMillis,
     *     environments}; see {@link io.jenkins.plugins.dataops.engine.governance.metrics.EnvironmentMetrics#toMap()})
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("intact", verification.intact());
        map.putAll(metrics.toMap());
        return map;
    }
}
