package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;

/**
 * Decides whether a column type change can lose data: a shorter length or precision of the same family is
 * narrowing, a change of family (text to number) is treated as narrowing, and a type change on a column we
 * cannot see (not created yet, or unreadable) is treated as narrowing too: refusing is the safe default.
 */
final class NarrowingDetector {
    private static final Pattern SIZED = Pattern.compile("\\s*([A-Za-z ]+?)\\s*(?:\\(\\s*(\\d+)[^)]*\\))?\\s*");
    private static final List<String> TEXT = List.of(
            "CHAR",
            "VARCHAR",
            "CHARACTER",
            "CHARACTER VARYING",
            "TEXT",
            "NVARCHAR",
            "NCHAR",
            "CLOB",
            "CHARACTER LARGE OBJECT");

    private final Database database;

    NarrowingDetector(final Database database) {
        this.database = database;
    }

    Optional<String> describe(final ModifyDataTypeChange change) {
        String column = change.getTableName() + "." + change.getColumnName();
        Optional<String[]> current = currentType(change.getTableName(), change.getColumnName());
        if (current.isEmpty()) {
            return Optional.of("type change of " + column + " to " + change.getNewDataType()
                    + " (current type unknown, may narrow)");
        }
        String currentType = current.get()[0].toUpperCase(Locale.ROOT);
        int currentSize = Integer.parseInt(current.get()[1]);
        Matcher m = SIZED.matcher(change.getNewDataType());
        if (!m.matches()) {
            return Optional.of("type change of " + column + " to " + change.getNewDataType());
        }
        String newType = m.group(1).toUpperCase(Locale.ROOT).strip();
        boolean sameFamily = TEXT.contains(newType) == TEXT.contains(currentType);
        boolean widening = sameFamily
                && (m.group(2) == null ? "TEXT".equals(newType) : Integer.parseInt(m.group(2)) >= currentSize);
        if (widening) {
            return Optional.empty();
        }
        return Optional.of("narrowing type change of %s: %s(%d) -> %s"
                .formatted(column, currentType, currentSize, change.getNewDataType()));
    }

    private Optional<String[]> currentType(final String table, final String column) {
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
                        return Optional.of(new String[] {
                            columns.getString("TYPE_NAME"), String.valueOf(columns.getInt("COLUMN_SIZE"))
                        });
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty(); // unknown is treated as narrowing by the caller: the safe side
        }
    }
}
