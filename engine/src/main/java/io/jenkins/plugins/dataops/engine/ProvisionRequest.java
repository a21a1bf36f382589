package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * What {@link DataOps#provision} should do: creates or updates an environment's infrastructure.
 *
 * @param environment the environment
 */
public record ProvisionRequest(String environment) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public ProvisionRequest {
        Arguments.requireText("environment", environment);
    }

    /**
     * Creates the request.
     *
     * @param environment the environment
     * @return the request
     */
    public static ProvisionRequest of(final String environment) {
        return new ProvisionRequest(environment);
    }
}
