package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** What {@link DataOps#test} should run: which suites against which environment, and what fails the run. */
public final class TestRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String suite;
    private final FailOn failOn;
    private final int sampleSize;
    private final int threads;
    private final boolean full;

    private TestRequest(
            final String environment,
            final String suite,
            final FailOn failOn,
            final int sampleSize,
            final int threads,
            final boolean full) {
        this.environment = Arguments.requireText("environment", environment);
        this.suite = Arguments.optionalText(suite);
        this.failOn = Arguments.requireValue("failOn", failOn);
        if (sampleSize < 0 || sampleSize > DataTestOptions.MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException("Parameter 'sampleSize' is %d, out of range 0..%d; pass a value in it."
                    .formatted(sampleSize, DataTestOptions.MAX_SAMPLE_SIZE));
        }
        this.sampleSize = sampleSize;
        if (threads < 0 || threads > DataTestOptions.MAX_THREADS) {
            throw new IllegalArgumentException(
                    "Parameter 'threads' is %d, out of range 1..%d (0 for the default); pass a value in it."
                            .formatted(threads, DataTestOptions.MAX_THREADS));
        }
        this.threads = threads;
        this.full = full;
    }

    /**
     * Runs every suite, failing on errors, keeping the default sample.
     *
     * @param environment the environment
     * @return the request
     */
    public static TestRequest of(final String environment) {
        return new TestRequest(environment, "", FailOn.ERROR, DataTestOptions.DEFAULT_SAMPLE_SIZE, 0, false);
    }

    /**
     * Runs one suite only.
     *
     * @param name the suite's name (file name without {@code .yaml}); null or blank for every suite
     * @return a copy
     */
    public TestRequest withSuite(final String name) {
        return new TestRequest(environment, name, failOn, sampleSize, threads, full);
    }

    /**
     * Sets which results make the run fail.
     *
     * @param level error-severity failures only, or warnings too
     * @return a copy
     */
    public TestRequest withFailOn(final FailOn level) {
        return new TestRequest(environment, suite, level, sampleSize, threads, full);
    }

    /**
     * Sets how many failing rows each failing check keeps as evidence.
     *
     * @param rows 0 keeps none, at most {@link DataTestOptions#MAX_SAMPLE_SIZE}
     * @return a copy
     */
    public TestRequest withSampleSize(final int rows) {
        return new TestRequest(environment, suite, failOn, rows, threads, full);
    }

    /**
     * Sets how many queries of the run may go to the database at once, each on its own connection.
     *
     * @param count 1 to {@link DataTestOptions#MAX_THREADS}; 0 for the target's default (1 on H2, 4 on a server)
     * @return a copy
     */
    public TestRequest withThreads(final int count) {
        return new TestRequest(environment, suite, failOn, sampleSize, count, full);
    }

    /**
     * Makes the incremental suites check every row this time, whatever their watermark; the passing run sets
     * their watermarks anew.
     *
     * @param everyRow true for a full run
     * @return a copy
     */
    public TestRequest withFull(final boolean everyRow) {
        return new TestRequest(environment, suite, failOn, sampleSize, threads, everyRow);
    }

    /**
     * Tells whether incremental suites check every row.
     *
     * @return true for a forced full run
     */
    public boolean isFull() {
        return full;
    }

    public String environment() {
        return environment;
    }

    /**
     * Returns the one suite to run.
     *
     * @return its name, empty for every suite
     */
    public Optional<String> suite() {
        return suite.isEmpty() ? Optional.empty() : Optional.of(suite);
    }

    public FailOn failOn() {
        return failOn;
    }

    public int sampleSize() {
        return sampleSize;
    }

    /**
     * Returns how many queries may run at once.
     *
     * @return the number asked for, 0 for the target's default
     */
    public int threads() {
        return threads;
    }
}
