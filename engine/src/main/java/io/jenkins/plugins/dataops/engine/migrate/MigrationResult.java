package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a migration (update or rollback) did.
 *
 * @param environment       the environment
 * @param tagBefore         the tag the database had before (empty when none)
 * @param tagAfter          the tag it has now (empty when none)
 * @param changeSets        the changesets applied (update) or rolled back (rollback), in order
 * @param allowedNoRollback the changesets without rollback that were applied because the caller allowed it
 * @param allowedDestructive the destructive changesets that were applied because the caller allowed it
 */
public record MigrationResult(
        String environment,
        String tagBefore,
        String tagAfter,
        List<ChangeSetInfo> changeSets,
        List<ChangeSetInfo> allowedNoRollback,
        List<ChangeSetInfo> allowedDestructive)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public MigrationResult {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tagBefore, "tagBefore");
        Objects.requireNonNull(tagAfter, "tagAfter");
        changeSets = List.copyOf(changeSets);
        allowedNoRollback = List.copyOf(allowedNoRollback);
        allowedDestructive = List.copyOf(allowedDestructive);
    }
}
