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

    private TestRequest(final String environment, final String suite, final FailOn failOn, final int sampleSize) {
        this.environment = Arguments.requireText("environment", environment);
        this.suite = Arguments.optionalText(suite);
        this.failOn = Arguments.requireValue("failOn", failOn);
        if (sampleSize < 0 || sampleSize > DataTestOptions.MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException("Parameter 'sampleSize' is %d, out of range 0..%d; pass a value in it."
                    .formatted(sampleSize, DataTestOptions.MAX_SAMPLE_SIZE));
        }
        this.sampleSize = sampleSize;
    }

    /**
     * Runs every suite, failing on errors, keeping the default sample.
     *
     * @param environment the environment
     * @return the request
     */
    public static TestRequest of(final String environment) {
        return new TestRequest(environment, "", FailOn.ERROR, DataTestOptions.DEFAULT_SAMPLE_SIZE);
    }

    /**
     * Runs one suite only.
     *
     * @param name the suite's name (file name without {@code .yaml}); null or blank for every suite
     * @return a copy
     */
    public TestRequest withSuite(final String name) {
        return new TestRequest(environment, name, failOn, sampleSize);
    }

    /**
     * Sets which results make the run fail.
     *
     * @param level error-severity failures only, or warnings too
     * @return a copy
     */
    public TestRequest withFailOn(final FailOn level) {
        return new TestRequest(environment, suite, level, sampleSize);
    }

    /**
     * Sets how many failing rows each failing check keeps as evidence.
     *
     * @param rows 0 keeps none, at most {@link DataTestOptions#MAX_SAMPLE_SIZE}
     * @return a copy
     */
    public TestRequest withSampleSize(final int rows) {
        return new TestRequest(environment, suite, failOn, rows);
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
}
