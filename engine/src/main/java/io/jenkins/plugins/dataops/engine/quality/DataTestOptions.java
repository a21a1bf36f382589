package io.jenkins.plugins.dataops.engine.quality;

import java.time.Instant;
import java.util.Objects;

/**
 * How to run data tests.
 *
 * @param sampleSize the most failing rows fetched per breached check (0 fetches none)
 * @param now        the time of the run, for freshness and {@code now}-relative range bounds
 */
public record DataTestOptions(int sampleSize, Instant now) {
    /** The default number of sample rows per breached check. */
    public static final int DEFAULT_SAMPLE_SIZE = 5;
    /** The most sample rows per check that can be asked for. */
    public static final int MAX_SAMPLE_SIZE = 1000;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException for a sample size outside 0 to 1000
     */
    public DataTestOptions {
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException(
                    "sampleSize '%d' must be between 0 and %d".formatted(sampleSize, MAX_SAMPLE_SIZE));
        }
        Objects.requireNonNull(now, "now");
    }

    /**
     * Returns the defaults: 5 sample rows, the current time.
     *
     * @return the options
     */
    public static DataTestOptions defaults() {
        return new DataTestOptions(DEFAULT_SAMPLE_SIZE, Instant.now());
    }

    /**
     * Returns these options with another sample size.
     *
     * @param rows the most failing rows per breached check
     * @return new options
     */
    public DataTestOptions withSampleSize(final int rows) {
        return new DataTestOptions(rows, now);
    }

    /**
     * Returns these options with another time of the run.
     *
     * @param time the time
     * @return new options
     */
    public DataTestOptions withNow(final Instant time) {
        return new DataTestOptions(sampleSize, time);
    }
}
