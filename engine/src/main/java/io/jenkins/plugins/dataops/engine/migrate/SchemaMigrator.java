package io.jenkins.plugins.dataops.engine.migrate;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import java.util.List;
import java.util.Optional;

/**
 * The schema migration port. The only implementation drives Liquibase; nothing outside the
 * {@code migrate.liquibase} package knows that.
 */
public interface SchemaMigrator {
    /**
     * Compares the database with the changelog. Changes nothing (not even Liquibase's tables).
     *
     * @param request target, changelog and optional tag
     * @return the current tag and the pending changesets with readiness and destructive findings
     * @throws InvalidInputException when the changelog cannot be parsed or the tag does not exist in it
     */
    MigrationStatus status(MigrationRequest request);

    /**
     * Applies pending changesets up to the requested tag, after the rollback-readiness and destructive-change
     * checks.
     *
     * @param request target, changelog, tag and what is allowed
     * @return what was applied
     * @throws OperationRefusedException before anything is applied, listing the changesets without rollback
     *                                   or with destructive changes that the request does not allow
     * @throws DataOpsException          naming the changeset when one fails; Liquibase has rolled back the
     *                                   failing changeset's transaction and earlier changesets stay applied
     */
    MigrationResult update(MigrationRequest request);

    /**
     * Renders the SQL that {@link #update} would run, without running it.
     *
     * @param request target, changelog and tag
     * @return the SQL script
     */
    String updateSql(MigrationRequest request);

    /**
     * Rolls the database back to a tag (everything applied after it is rolled back).
     *
     * @param request target, changelog, and the tag to go back to (required)
     * @return the changesets rolled back
     * @throws OperationRefusedException before touching anything when a changeset in the way has no rollback
     */
    MigrationResult rollback(MigrationRequest request);

    /**
     * Releases the migration tool's own changelog lock when a holder that is gone left it behind (a process
     * killed in the middle of a migration). Call it only while holding the environment's lock, which proves
     * that no other DataOps operation is running there.
     *
     * @param request target and changelog
     * @return the holder whose lock was released, empty when there was none
     */
    Optional<String> releaseStaleLock(MigrationRequest request);

    /**
     * Lists the changesets the database has applied, in order.
     *
     * @param request target and changelog
     * @return the applied changesets
     */
    List<AppliedChangeSet> history(MigrationRequest request);

    /**
     * Reads the changelog tree the way an update would (no database involved) and lists what it reads: every
     * file and every changeset's checksum, so that a release fingerprint covers exactly that.
     *
     * @param sources the changelog and the folders it may read
     * @return the files read and the changesets' checksums
     * @throws InvalidInputException naming the changeset (or changelog) and the path when a file it reads lies
     *                               outside the product's folder and the search path (also through a link), or
     *                               when the changelog cannot be parsed
     */
    ChangeLogFiles readChangeLog(ChangeLogSources sources);

    /**
     * Lists the tags the database has applied, in order.
     *
     * @param request target and changelog
     * @return the non-empty tags of {@link #history(MigrationRequest)}, oldest first
     */
    default List<String> appliedTags(final MigrationRequest request) {
        return AppliedChangeSet.tagsOf(history(request));
    }
}
