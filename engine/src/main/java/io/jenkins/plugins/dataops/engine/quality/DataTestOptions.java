package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run data tests.
 *
 * @param sampleSize the most failing rows fetched per breached check (0 fetches none)
 * @param now        the time of the run, for freshness and {@code now}-relative range bounds
 * @param threads    the most queries run at once, each on its own connection; 0 for the target's default
 *                   ({@link #threadsFor(Dialect)})
 * @param watermarks per incremental suite (by name), the watermark its run starts from: its row-level checks see
 *                   only the rows whose incremental column is greater; a suite not named here checks every row
 */
public record DataTestOptions(int sampleSize, Instant now, int threads, Map<String, String> watermarks) {
    /** The default number of sample rows per breached check. */
    public static final int DEFAULT_SAMPLE_SIZE = 5;
    /** The most sample rows per check that can be asked for. */
    public static final int MAX_SAMPLE_SIZE = 1000;
    /** The most connections a run may open at once. */
    public static final int MAX_THREADS = 32;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException for a sample size outside 0 to 1000 or threads outside 0 to 32
     */
    public DataTestOptions {
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException(
                    "sampleSize '%d' must be between 0 and %d".formatted(sampleSize, MAX_SAMPLE_SIZE));
        }
        requireThreads(threads);
        Objects.requireNonNull(now, "now");
        watermarks = Map.copyOf(watermarks);
    }

    /**
     * Creates options that check every row.
     *
     * @param sampleSize the most failing rows fetched per breached check
     * @param now        the time of the run
     * @param threads    the most queries at once, 0 for the target's default
     */
    public DataTestOptions(final int sampleSize, final Instant now, final int threads) {
        this(sampleSize, now, threads, Map.of());
    }

    /**
     * Creates options with the target's default number of threads.
     *
     * @param sampleSize the most failing rows fetched per breached check
     * @param now        the time of the run
     */
    public DataTestOptions(final int sampleSize, final Instant now) {
        this(sampleSize, now, 0, Map.of());
    }

    /**
     * Checks a number of threads.
     *
     * @param threads the number, 0 for the default
     * @return the number
     * @throws IllegalArgumentException naming the value and the range when it is outside 0 to 32
     */
    public static int requireThreads(final int threads) {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(
                    "threads '%d' must be between 1 and %d (0 for the default); pass a value in that range."
                            .formatted(threads, MAX_THREADS));
        }
        return threads;
    }

    /**
     * Returns the defaults: 5 sample rows, the current time, the target's default threads.
     *
     * @return the options
     */
    public static DataTestOptions defaults() {
        return new DataTestOptions(DEFAULT_SAMPLE_SIZE, Instant.now(), 0, Map.of());
    }

    /**
     * Returns these options with another sample size.
     *
     * @param rows the most failing rows per breached check
     * @return new options
     */
    public DataTestOptions withSampleSize(final int rows) {
        return new DataTestOptions(rows, now, threads, watermarks);
    }

    /**
     * Returns these options with another time of the run.
     *
     * @param time the time
     * @return new options
     */
    public DataTestOptions withNow(final Instant time) {
        return new DataTestOptions(sampleSize, time, threads, watermarks);
    }

    /**
     * Returns these options with another number of threads.
     *
     * @param count the most queries at once, 0 for the target's default
     * @return new options
     */
    public DataTestOptions withThreads(final int count) {
        return new DataTestOptions(sampleSize, now, count, watermarks);
    }

    /**
     * Returns these options with the watermarks incremental suites start from.
     *
     * @param marks suite name to watermark text (as {@link WatermarkRange#upTo()} reported it)
     * @return new options
     */
    public DataTestOptions withWatermarks(final Map<String, String> marks) {
        return new DataTestOptions(sampleSize, now, threads, new LinkedHashMap<>(marks));
    }

    /**
     * Returns how many queries run at once against a database: the number asked for, else the default, which
     * is 1 for the embedded H2 (its queries share the one process, and opening more connections costs more than
     * it saves; see docs/benchmarks.md) and 4 for a server (the independent queries of a run, e.g. a duplicate
     * count beside the table's scan, run on separate connections, as dbt's {@code threads: 4}).
     *
     * @param dialect the target's dialect
     * @return at least 1
     */
    public int threadsFor(final Dialect dialect) {
        if (threads > 0) {
            return threads;
        }
        return dialect == Dialect.H2 ? 1 : 4;
    }
}
