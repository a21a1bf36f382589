package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The delivery metrics of every data product in a ledger, over one window of time.
 *
 * @param windowStartMillis the window's start: the {@code since} asked for, else the first trusted record's time;
 *                          {@code -1} when no record was read
 * @param windowEndMillis   the window's end: the newest trusted record's time (never the machine's clock);
 *                          {@code -1} when no record was read
 * @param outcomeRecords    the trusted outcome records read (intents not included)
 * @param intents           the trusted {@code intent} records skipped (each one's outcome record is what counts)
 * @param excludedUntrusted the records at or after the first broken link of the chain, not counted at all
 * @param products          one entry per product, sorted by name
 */
public record DeliveryMetrics(
        long windowStartMillis,
        long windowEndMillis,
        long outcomeRecords,
        long intents,
        long excludedUntrusted,
        List<ProductMetrics> products)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public DeliveryMetrics {
        products = List.copyOf(products);
    }

    /** @return the window's length in days (fractional), at least one day */
    public double windowDays() {
        return windowDays(windowStartMillis, windowEndMillis);
    }

    static double windowDays(final long start, final long end) {
        if (start == TimeValues.NONE || end <= start) {
            return 1.0;
        }
        return Math.max(1.0, (end - start) / (double) TimeValues.DAY_MILLIS);
    }

    /**
     * Returns the value the front ends show.
     *
     * @return {@code windowStart, windowEnd, windowDays, outcomeRecords, intents, excludedUntrusted, products}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("windowStart", TimeValues.instant(windowStartMillis));
        map.put("windowEnd", TimeValues.instant(windowEndMillis));
        map.put("windowDays", windowDays());
        map.put("outcomeRecords", outcomeRecords);
        map.put("intents", intents);
        map.put("excludedUntrusted", excludedUntrusted);
        map.put(
                "products",
                EnvironmentMetrics.maps(
                        products.stream().map(ProductMetrics::toMap).toList()));
        return map;
    }
}
