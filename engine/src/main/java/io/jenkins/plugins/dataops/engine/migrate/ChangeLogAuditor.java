package io.jenkins.plugins.dataops.engine.migrate;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.List;

/**
 * Reads a changelog against an environment without changing the environment: which schema changes its pending
 * changesets make, and the schema its applied changesets should have produced. The only implementation drives
 * Liquibase.
 */
public interface ChangeLogAuditor {
    /**
     * Lists the schema changes (drops, renames, type changes) of the changesets pending up to the tag.
     *
     * @param request the environment, changelog and optional tag
     * @return the changes in changelog order
     * @throws InvalidInputException when the changelog cannot be parsed or the tag does not exist in it
     */
    List<SchemaChange> pendingChanges(MigrationRequest request);

    /**
     * Applies to a scratch database every changeset of the changelog up to the last one the environment has
     * applied, and compares the environment's changelog table with the changelog. Only reads the environment.
     *
     * @param request the environment and its changelog
     * @param scratch an empty database of the same dialect
     * @return the environment's release and the applied changesets that no longer match the changelog
     * @throws InvalidInputException when the changelog cannot be parsed
     */
    ChangeLogReplay replay(MigrationRequest request, DatabaseTarget scratch);
}
