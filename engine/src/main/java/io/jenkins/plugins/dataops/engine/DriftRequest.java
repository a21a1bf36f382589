package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/** What {@link DataOps#drift} should check: one environment against the schema its changelog produces. */
public final class DriftRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String environment;

    private DriftRequest(final String environment) {
        this.environment = Arguments.requireText("environment", environment);
    }

    /**
     * Checks one environment.
     *
     * @param environment the environment
     * @return the request
     */
    public static DriftRequest of(final String environment) {
        return new DriftRequest(environment);
    }

    public String environment() {
        return environment;
    }
}
