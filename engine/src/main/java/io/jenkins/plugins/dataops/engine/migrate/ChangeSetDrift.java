package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * An applied changeset that no longer matches the changelog: edited after it was applied (its checksum
 * changed), or no longer declared at all.
 *
 * @param changeSet        the changeset's key ({@code id::author::file})
 * @param expectedChecksum the checksum the changelog gives it now; empty when the changelog lacks it
 * @param liveChecksum     the checksum recorded in the environment when it was applied
 */
public record ChangeSetDrift(String changeSet, String expectedChecksum, String liveChecksum) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public ChangeSetDrift {
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(expectedChecksum, "expectedChecksum");
        Objects.requireNonNull(liveChecksum, "liveChecksum");
    }

    /** @return true when the changelog no longer declares the applied changeset */
    public boolean isAbsentFromChangelog() {
        return expectedChecksum.isEmpty();
    }
}
