package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link DataOps#test} should run.
 *
 * @param environment the environment
 * @param suite       one suite by name; null for every suite of the checks folder
 * @param failOn      which results make the run fail: error-severity failures only, or warnings too
 * @param sampleSize  how many failing rows each failing check keeps as evidence (0 keeps none)
 */
public record TestOptions(String environment, String suite, FailOn failOn, int sampleSize) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public TestOptions {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(failOn, "failOn");
        if (sampleSize < 0 || sampleSize > DataTestOptions.MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException(
                    "Sample size %d is out of range 0..%d.".formatted(sampleSize, DataTestOptions.MAX_SAMPLE_SIZE));
        }
    }

    /**
     * Runs every suite, failing on errors, keeping the default sample.
     *
     * @param environment the environment
     * @return the options
     */
    public static TestOptions of(final String environment) {
        return new TestOptions(environment, null, FailOn.ERROR, DataTestOptions.DEFAULT_SAMPLE_SIZE);
    }
}
