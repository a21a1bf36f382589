package io.jenkins.plugins.dataops.engine.migrate;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.nio.file.Path;
import java.util.List;
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
 * @param searchPath       resource roots for classpath-style includes ({@code META-INF/...}); empty for the
 *                         changelog's own folder
 * @param extensions       jars (custom changes, extension change types) Liquibase may load classes from
 */
public record MigrationRequest(
        DatabaseTarget target,
        Path changelog,
        String tag,
        boolean allowNoRollback,
        boolean allowDestructive,
        ProgressListener progress,
        List<Path> searchPath,
        List<Path> extensions) {
    /** Validates the parts. */
    public MigrationRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(changelog, "changelog");
        Objects.requireNonNull(progress, "progress");
        searchPath = List.copyOf(searchPath);
        extensions = List.copyOf(extensions);
    }

    /**
     * Creates a request that reads the changelog from its own folder and loads no extension jars.
     *
     * @param target           the environment's database
     * @param changelog        the root changelog file
     * @param tag              apply up to and including this tag; null for everything pending
     * @param allowNoRollback  apply changesets without rollback
     * @param allowDestructive apply destructive changes
     * @param progress         where progress goes
     */
    public MigrationRequest(
            final DatabaseTarget target,
            final Path changelog,
            final String tag,
            final boolean allowNoRollback,
            final boolean allowDestructive,
            final ProgressListener progress) {
        this(target, changelog, tag, allowNoRollback, allowDestructive, progress, List.of(), List.of());
    }

    /**
     * Returns this request with resource roots and extension jars.
     *
     * @param roots the search path
     * @param jars  the extension jars
     * @return the new request
     */
    public MigrationRequest withResources(final List<Path> roots, final List<Path> jars) {
        return new MigrationRequest(target, changelog, tag, allowNoRollback, allowDestructive, progress, roots, jars);
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
