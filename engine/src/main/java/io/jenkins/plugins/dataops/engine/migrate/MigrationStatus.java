package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where an environment's schema stands against the changelog.
 *
 * @param environment the environment
 * @param currentTag  the last tag applied in the database, empty when none
 * @param applied     how many changesets are applied
 * @param pending     the changesets not yet applied (up to the requested tag), in order
 */
public record MigrationStatus(String environment, String currentTag, int applied, List<ChangeSetInfo> pending)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public MigrationStatus {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(currentTag, "currentTag");
        pending = List.copyOf(pending);
    }

    /**
     * Lists the pending changesets that cannot be rolled back.
     *
     * @return those changesets
     */
    public List<ChangeSetInfo> withoutRollback() {
        return pending.stream().filter(c -> !c.rollbackSupported()).toList();
    }

    /**
     * Lists the pending changesets with destructive changes.
     *
     * @return those changesets
     */
    public List<ChangeSetInfo> destructive() {
        return pending.stream().filter(c -> !c.destructiveChanges().isEmpty()).toList();
    }
}
