package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/**
 * What {@link DataOps#history} should do: reads what happened to an environment from its own database.
 *
 * @param environment the environment
 */
public record HistoryRequest(String environment) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public HistoryRequest {
        Arguments.requireText("environment", environment);
    }

    /**
     * Creates the request.
     *
     * @param environment the environment
     * @return the request
     */
    public static HistoryRequest of(final String environment) {
        return new HistoryRequest(environment);
    }
}
