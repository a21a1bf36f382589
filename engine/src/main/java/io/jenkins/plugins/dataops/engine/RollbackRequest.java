package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** What {@link DataOps#rollback} should do: go back to the previous release, or to a named one. */
public final class RollbackRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String toRelease;

    private RollbackRequest(final String environment, final String toRelease) {
        this.environment = Arguments.requireText("environment", environment);
        this.toRelease = Arguments.optionalText(toRelease);
    }

    /**
     * Rolls back to the release the environment ran before.
     *
     * @param environment the environment
     * @return the request
     */
    public static RollbackRequest of(final String environment) {
        return new RollbackRequest(environment, "");
    }

    /**
     * Rolls back to a named release instead.
     *
     * @param release the release tag; null or blank for the previous release
     * @return a copy with the release
     */
    public RollbackRequest withToRelease(final String release) {
        return new RollbackRequest(environment, release);
    }

    public String environment() {
        return environment;
    }

    /**
     * Returns the release to go back to.
     *
     * @return the tag, empty for the previous release
     */
    public Optional<String> toRelease() {
        return toRelease.isEmpty() ? Optional.empty() : Optional.of(toRelease);
    }
}
