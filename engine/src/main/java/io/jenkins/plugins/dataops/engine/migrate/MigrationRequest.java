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
 * @param productDir       the folder the changelog may read from (besides the search path): the spec's folder;
 *                         by default the changelog's own folder
 */
public record MigrationRequest(
        DatabaseTarget target,
        Path changelog,
        String tag,
        boolean allowNoRollback,
        boolean allowDestructive,
        ProgressListener progress,
        List<Path> searchPath,
        List<Path> extensions,
        Path productDir) {
    /** Validates the parts. */
    public MigrationRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(changelog, "changelog");
        Objects.requireNonNull(progress, "progress");
        searchPath = List.copyOf(searchPath);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(productDir, "productDir");
    }

    /**
     * Creates a request whose changelog may read its own folder and the search path.
     *
     * @param target           the environment's database
     * @param changelog        the root changelog file
     * @param tag              apply up to and including this tag; null for everything pending
     * @param allowNoRollback  apply changesets without rollback
     * @param allowDestructive apply destructive changes
     * @param progress         where progress goes
     * @param searchPath       resource roots for classpath-style includes
     * @param extensions       extension jars
     */
    public MigrationRequest(
            final DatabaseTarget target,
            final Path changelog,
            final String tag,
            final boolean allowNoRollback,
            final boolean allowDestructive,
            final ProgressListener progress,
            final List<Path> searchPath,
            final List<Path> extensions) {
        this(
                target,
                changelog,
                tag,
                allowNoRollback,
                allowDestructive,
                progress,
                searchPath,
                extensions,
                folderOf(changelog));
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
        return new MigrationRequest(
                target, changelog, tag, allowNoRollback, allowDestructive, progress, roots, jars, productDir);
    }

    /**
     * Returns this request reading from where a spec says: its folder, search path and extension jars.
     *
     * @param sources the changelog's sources; its changelog must be this request's
     * @return the new request
     */
    public MigrationRequest withSources(final ChangeLogSources sources) {
        return new MigrationRequest(
                target,
                changelog,
                tag,
                allowNoRollback,
                allowDestructive,
                progress,
                sources.searchPath(),
                sources.extensions(),
                sources.productDir());
    }

    /**
     * Returns the folders the changelog may read, for the guarded reads of every Liquibase run.
     *
     * @return the changelog, the product's folder, the search path and the extension jars
     */
    public ChangeLogSources sources() {
        return new ChangeLogSources(changelog, productDir, searchPath, extensions);
    }

    private static Path folderOf(final Path changelog) {
        Path parent = changelog.toAbsolutePath().normalize().getParent();
        return parent == null ? changelog.toAbsolutePath() : parent;
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
