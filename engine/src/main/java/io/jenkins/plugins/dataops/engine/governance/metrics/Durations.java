package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Durations and shares as people read them beside the numbers: {@code 2d 3h}, {@code 4m 10s}, {@code 25%}. */
public final class Durations {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private Durations() {}

    /**
     * Formats a duration with its two largest units.
     *
     * @param millis a duration in milliseconds; negative for none
     * @return e.g. {@code 2d 3h}, {@code 1h 5m}, {@code 4m 10s}, {@code 12s}, {@code 850ms}; {@code -} for none
     */
    public static String readable(final long millis) {
        if (millis < 0) {
            return "-";
        }
        if (millis < SECOND) {
            return millis + "ms";
        }
        long[] sizes = {TimeValues.DAY_MILLIS, HOUR, MINUTE, SECOND};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length - 1; i++) {
            if (millis >= sizes[i]) {
                long rest = millis % sizes[i] / sizes[i + 1];
                return millis / sizes[i] + units[i] + (rest > 0 ? " " + rest + units[i + 1] : "");
            }
        }
        return millis / SECOND + "s";
    }

    /**
     * Formats a share as a whole percentage.
     *
     * @param rate a share between 0 and 1; null for none
     * @return e.g. {@code 25%}; {@code -} for none
     */
    public static String percent(final @Nullable Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
