package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;

/**
 * Decides whether a column type change can lose data. The type the column has just before the change is the one
 * the pending batch gave it (a column created or changed by an earlier pending changeset) or else the one the
 * database reports. A change to a type every old value fits into (longer text, wider integer) is not
 * destructive; anything else is, and so is a change on a column whose type is unknown: refusing is the safe side.
 */
final class NarrowingDetector {
    private final Database database;

    NarrowingDetector(final Database database) {
        this.database = database;
    }

    /**
     * Describes a type change that may narrow.
     *
     * @param change the change
     * @param before the column's type from the pending batch, empty when the batch does not know it
     * @return the finding, empty for a widening change
     */
    Optional<String> describe(final ModifyDataTypeChange change, final Optional<SqlType> before) {
        String column = change.getTableName() + "." + change.getColumnName();
        Optional<SqlType> current = before.or(() -> currentType(change.getTableName(), change.getColumnName()));
        if (current.isEmpty()) {
            return Optional.of("type change of " + column + " to " + change.getNewDataType()
                    + " (current type unknown, may narrow)");
        }
        if (current.get().fitsInto(SqlType.parse(change.getNewDataType()))) {
            return Optional.empty();
        }
        return Optional.of(
                "narrowing type change of %s: %s -> %s".formatted(column, current.get(), change.getNewDataType()));
    }

    private Optional<SqlType> currentType(final String table, final String column) {
        if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
            return Optional.empty();
        }
        try {
            DatabaseMetaData meta = jdbc.getUnderlyingConnection().getMetaData();
            for (String[] names : List.of(
                    new String[] {table, column},
                    new String[] {table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT)},
                    new String[] {table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT)})) {
                try (ResultSet columns = meta.getColumns(null, null, names[0], names[1])) {
                    if (columns.next()) {
                        return Optional.of(SqlType.of(columns.getString("TYPE_NAME"), columns.getInt("COLUMN_SIZE")));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty(); // unknown is treated as narrowing by the caller: the safe side
        }
    }
}
