package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#status} found.
 *
 * @param status the current tag and the pending changesets with their readiness findings
 */
public record StatusResult(MigrationStatus status) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public StatusResult {
        Objects.requireNonNull(status, "status");
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code environment, currentTag, applied, pending} (each pending changeset with its findings) and
     *     {@code findings}: every finding of every check ({@code check, changeSet, detail})
     */
    public LinkedHashMap<String, Object> toMap() {
        return PlainValues.mapOf(status);
    }
}
