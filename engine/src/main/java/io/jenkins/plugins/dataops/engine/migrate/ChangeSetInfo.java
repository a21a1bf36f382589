package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One changeset of the changelog, as the readiness and destructive-change checks see it.
 *
 * @param id                 the changeset id
 * @param author             its author
 * @param file               the changelog file it is declared in (relative, as Liquibase reports it)
 * @param checksum           Liquibase's checksum of the changeset
 * @param tag                the database tag this changeset sets ({@code tagDatabase}), empty otherwise
 * @param rollbackSupported  true when Liquibase can roll it back (explicit or automatic rollback)
 * @param destructiveChanges what it destroys: {@code drop table customer}, {@code narrow column x VARCHAR(100) -> VARCHAR(10)}
 * @param problems           why the database would refuse it before anything runs (Liquibase's validation of
 *                           its changes on this database, e.g. {@code renameView is not supported on h2})
 */
public record ChangeSetInfo(
        String id,
        String author,
        String file,
        String checksum,
        String tag,
        boolean rollbackSupported,
        List<String> destructiveChanges,
        List<String> problems)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public ChangeSetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(tag, "tag");
        destructiveChanges = List.copyOf(destructiveChanges);
        problems = List.copyOf(problems);
    }

    /**
     * Creates a description without validation problems.
     *
     * @param id                 the changeset id
     * @param author             its author
     * @param file               the changelog file it is declared in
     * @param checksum           Liquibase's checksum of the changeset
     * @param tag                the database tag it sets, empty otherwise
     * @param rollbackSupported  true when Liquibase can roll it back
     * @param destructiveChanges what it destroys
     */
    public ChangeSetInfo(
            final String id,
            final String author,
            final String file,
            final String checksum,
            final String tag,
            final boolean rollbackSupported,
            final List<String> destructiveChanges) {
        this(id, author, file, checksum, tag, rollbackSupported, destructiveChanges, List.of());
    }

    /**
     * Returns the identity Liquibase uses, {@code file::id::author}.
     *
     * @return the key
     */
    public String key() {
        return file + "::" + id + "::" + author;
    }
}
