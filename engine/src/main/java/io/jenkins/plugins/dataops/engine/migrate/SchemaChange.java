package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One change of a pending changeset that can break what reads the schema: a dropped, renamed or retyped table,
 * column or view, read from the parsed changelog (or recognised in raw SQL).
 *
 * @param changeSet the changeset's key ({@code id::author::file})
 * @param kind      what the change does
 * @param table     the table (or view) it changes
 * @param column    the column it changes; empty for table and view changes
 * @param newName   the new name of a rename; empty otherwise
 * @param newType   the new type of a type change; empty otherwise
 */
public record SchemaChange(String changeSet, Kind kind, String table, String column, String newName, String newType)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What a schema change does. */
    public enum Kind {
        /** {@code dropTable} or {@code DROP TABLE}. */
        DROP_TABLE,
        /** {@code renameTable} or {@code ALTER TABLE ... RENAME TO}. */
        RENAME_TABLE,
        /** {@code dropColumn} or {@code ALTER TABLE ... DROP COLUMN}. */
        DROP_COLUMN,
        /** {@code renameColumn} or {@code ALTER TABLE ... RENAME COLUMN}. */
        RENAME_COLUMN,
        /** {@code modifyDataType}. */
        MODIFY_TYPE,
        /** {@code dropView} or {@code DROP VIEW}. */
        DROP_VIEW
    }

    /** Validates the parts. */
    public SchemaChange {
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(newName, "newName");
        Objects.requireNonNull(newType, "newType");
    }

    /** @return true when the change concerns a single column */
    public boolean isColumnChange() {
        return !column.isEmpty();
    }

    /** @return true for renames, whose checks can follow them to the new name */
    public boolean isRename() {
        return kind == Kind.RENAME_COLUMN || kind == Kind.RENAME_TABLE;
    }

    /**
     * Describes the change the way a user reads it.
     *
     * @return e.g. {@code rename column customer.segment to tier}
     */
    public String describe() {
        return switch (kind) {
            case DROP_TABLE -> "drop table " + table;
            case RENAME_TABLE -> "rename table " + table + " to " + newName;
            case DROP_COLUMN -> "drop column " + table + "." + column;
            case RENAME_COLUMN -> "rename column " + table + "." + column + " to " + newName;
            case MODIFY_TYPE -> "change type of column " + table + "." + column + " to " + newType;
            case DROP_VIEW -> "drop view " + table;
        };
    }
}
