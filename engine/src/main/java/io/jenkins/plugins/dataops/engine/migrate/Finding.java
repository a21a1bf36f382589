package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One reason a migration would be refused, from one of the checks that run before anything is applied.
 *
 * @param check     which check: {@value #NO_ROLLBACK}, {@value #DESTRUCTIVE}, {@value #INVALID} or {@value #DRIFT}
 * @param changeSet the changeset it is about ({@code file::id::author})
 * @param detail    what was found, e.g. {@code drop table customer}; empty when the check says it all
 */
public record Finding(String check, String changeSet, String detail) implements Serializable {
    /** A changeset Liquibase cannot roll back; allowed with {@code allowNoRollback}. */
    public static final String NO_ROLLBACK = "no-rollback";

    /** A change that removes data or structure; allowed with {@code allowDestructive}. */
    public static final String DESTRUCTIVE = "destructive";

    /** A changeset the database would reject before anything runs; never allowed. */
    public static final String INVALID = "invalid";

    /** An object a pending changeset creates already exists (left by a failed run, or made by hand). */
    public static final String DRIFT = "drift";

    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? changeSet : changeSet + " (" + detail + ")";
    }
}
