package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * What {@link DataOps#destroy} should do: removes what the product owns in an environment.
 *
 * @param environment the environment
 */
public record DestroyRequest(String environment) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public DestroyRequest {
        Arguments.requireText("environment", environment);
    }

    /**
     * Creates the request.
     *
     * @param environment the environment
     * @return the request
     */
    public static DestroyRequest of(final String environment) {
        return new DestroyRequest(environment);
    }
}
