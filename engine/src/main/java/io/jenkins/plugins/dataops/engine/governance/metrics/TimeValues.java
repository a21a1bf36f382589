package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Times as the metrics show them: instants and days in UTC (never the machine's zone), and medians. */
final class TimeValues {
    /** Milliseconds of a day. */
    static final long DAY_MILLIS = 86_400_000L;
    /** Stands for "no time" in a value: a restore that has not happened, a median of nothing. */
    static final long NONE = -1;

    private TimeValues() {}

    /** Returns the instant as ISO-8601 in UTC, or {@code null} for {@link #NONE}. */
    static @Nullable String instant(final long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis).toString();
    }

    /** Returns the UTC day of an instant, e.g. {@code 2026-05-01}. */
    static String day(final long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString();
    }

    /** Returns {@code null} for {@link #NONE}, else the value, for maps. */
    static @Nullable Long orNull(final long value) {
        return value == NONE ? null : value;
    }

    /**
     * Returns the median: the middle value, or the mean of the two middle values (rounded down) of an even count.
     *
     * @param values durations in milliseconds
     * @return the median, {@link #NONE} when there are no values
     */
    static long median(final Collection<Long> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : Math.floorDiv(sorted[middle - 1] + sorted[middle], 2);
    }

    /** Returns a share rounded to four decimals, or {@code null} when nothing was counted. */
    static @Nullable Double rate(final long part, final long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
