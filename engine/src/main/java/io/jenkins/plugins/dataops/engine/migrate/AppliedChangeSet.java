package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A changeset recorded as applied in the database's changelog table.
 *
 * @param id            the changeset id
 * @param author        its author
 * @param file          its changelog file
 * @param checksum      its checksum
 * @param tag           the tag set at this changeset, empty when none
 * @param executedMillis when it was applied, epoch milliseconds
 * @param execType      Liquibase's exec type (EXECUTED, RERAN, ...)
 * @param orderExecuted its position
 */
public record AppliedChangeSet(
        String id,
        String author,
        String file,
        String checksum,
        String tag,
        long executedMillis,
        String execType,
        int orderExecuted)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public AppliedChangeSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(execType, "execType");
    }

    /**
     * Returns the tags of an applied history, in the order they were applied: the one reading of "which releases
     * has this database run" that promotion, rollback, data tests and the migrator share.
     *
     * @param history the applied changesets, in order
     * @return the non-empty tags, oldest first
     */
    public static List<String> tagsOf(final List<AppliedChangeSet> history) {
        return history.stream()
                .map(AppliedChangeSet::tag)
                .filter(tag -> !tag.isEmpty())
                .toList();
    }
}
