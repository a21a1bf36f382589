package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DataOps#history} read: what happened to an environment, as recorded inside its own database.
 *
 * @param environment the environment
 * @param releases    the release history (migrate, test, promote, rollback), oldest first
 * @param changeSets  the changesets applied, in order
 */
public record HistoryResult(String environment, List<HistoryEntry> releases, List<AppliedChangeSet> changeSets)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public HistoryResult {
        Objects.requireNonNull(environment, "environment");
        releases = List.copyOf(releases);
        changeSets = List.copyOf(changeSets);
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code environment, releases, changeSets}
     */
    public LinkedHashMap<String, Object> toMap() {
        return PlainValues.mapOf(this);
    }
}
