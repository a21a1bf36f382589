package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The data-test runs of one environment on one UTC day.
 *
 * @param day    the day, {@code 2026-05-01} (UTC, from the records' timestamps)
 * @param runs   how many runs ended (passed, failed or error)
 * @param passed how many of them passed
 */
public record TestDay(String day, long runs, long passed) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public TestDay {
        Objects.requireNonNull(day, "day");
        if (passed < 0 || passed > runs) {
            throw new IllegalArgumentException("Passed runs %d must be between 0 and %d".formatted(passed, runs));
        }
    }

    /**
     * Returns the value the front ends show.
     *
     * @return {@code day, runs, passed, passRate}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("day", day);
        map.put("runs", runs);
        map.put("passed", passed);
        map.put("passRate", TimeValues.rate(passed, runs));
        return map;
    }
}
