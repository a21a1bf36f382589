package io.jenkins.plugins.dataops.engine.migrate;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to migrate where.
 *
 * @param target           the environment's database
 * @param changelog        the root changelog file
 * @param tag              apply up to and including this tag; null for everything pending
 * @param allowNoRollback  apply changesets without rollback (else refuse)
 * @param allowDestructive apply destructive changes (else refuse)
 * @param progress         where progress (and Liquibase's own output) goes
 */
public record MigrationRequest(
        DatabaseTarget target,
        Path changelog,
        String tag,
        boolean allowNoRollback,
        boolean allowDestructive,
        ProgressListener progress) {
    /** Validates the parts. */
    public MigrationRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(changelog, "changelog");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Returns the target tag.
     *
     * @return the tag, empty for "everything pending"
     */
    public Optional<String> targetTag() {
        return Optional.ofNullable(tag);
    }
}
