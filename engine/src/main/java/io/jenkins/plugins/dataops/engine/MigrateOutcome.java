package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DataOps#migrate} did.
 *
 * @param environment the environment
 * @param release     the release tag the environment runs afterwards (empty when untagged)
 * @param fingerprint the release fingerprint of the changelog and checks that were applied
 * @param result      what was applied; null for a dry run
 * @param dryRunSql   the SQL a dry run would execute; empty otherwise
 */
public record MigrateOutcome(
        String environment, String release, String fingerprint, MigrationResult result, String dryRunSql)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public MigrateOutcome {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(dryRunSql, "dryRunSql");
    }

    /**
     * Returns what was applied.
     *
     * @return the result, empty for a dry run
     */
    public Optional<MigrationResult> applied() {
        return Optional.ofNullable(result);
    }

    /**
     * Counts the changesets applied.
     *
     * @return 0 for a dry run
     */
    public int changeSetCount() {
        return result == null ? 0 : result.changeSets().size();
    }
}
