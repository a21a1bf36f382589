package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * What {@link DataOps#plan} should do: shows what provisioning an environment would change.
 *
 * @param environment the environment
 */
public record PlanRequest(String environment) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public PlanRequest {
        Arguments.requireText("environment", environment);
    }

    /**
     * Creates the request.
     *
     * @param environment the environment
     * @return the request
     */
    public static PlanRequest of(final String environment) {
        return new PlanRequest(environment);
    }
}
