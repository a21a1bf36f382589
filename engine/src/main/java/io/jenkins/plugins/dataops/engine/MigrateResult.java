package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
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
 * @param dryRun      true when nothing was changed and {@code dryRunSql} holds the SQL
 */
public record MigrateResult(
        String environment,
        String release,
        String fingerprint,
        MigrationResult result,
        String dryRunSql,
        boolean dryRun)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public MigrateResult {
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

    /**
     * Returns the value both front ends show.
     *
     * @return {@code environment, release, fingerprint, result, dryRunSql, dryRun, previousRelease, changeSets}
     *     (the count) and {@code sql} (the same as {@code dryRunSql})
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.mapOf(this);
        map.put("previousRelease", applied().map(MigrationResult::tagBefore).orElse(""));
        map.put("changeSets", changeSetCount());
        map.put("sql", dryRunSql);
        return map;
    }
}
