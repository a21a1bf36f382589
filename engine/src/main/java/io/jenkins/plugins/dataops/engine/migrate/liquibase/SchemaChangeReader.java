package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropViewChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeSet;

/**
 * Turns the changes of a parsed changeset into the {@link SchemaChange}s that can break what reads the schema:
 * Liquibase's typed changes, and the common raw SQL forms ({@code ALTER TABLE t DROP [COLUMN] c},
 * {@code ALTER TABLE t RENAME [COLUMN] a TO b}, {@code ALTER TABLE t RENAME TO u}, {@code DROP TABLE|VIEW t}).
 */
final class SchemaChangeReader {
    private static final String NAME = "\"?([A-Za-z_][\\w$]*)\"?";
    private static final String QUALIFIED = "(?:\"?[A-Za-z_][\\w$]*\"?\\.)?" + NAME;
    private static final Pattern ALTER = Pattern.compile(
            "ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + QUALIFIED + "\\s+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(?!(?:CONSTRAINT|PRIMARY|FOREIGN|INDEX|UNIQUE|CHECK|"
                    + "DEFAULT|NOT)\\b)" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "RENAME\\s+(?:COLUMN\\s+)?(?!TO\\b|CONSTRAINT\\b)" + NAME + "\\s+TO\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE = Pattern.compile("RENAME\\s+TO\\s+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_OBJECT =
            Pattern.compile("DROP\\s+(TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?" + QUALIFIED, Pattern.CASE_INSENSITIVE);

    private SchemaChangeReader() {}

    static List<SchemaChange> read(final ChangeSet changeSet) {
        String key = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
        List<SchemaChange> found = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof DropColumnChange drop) {
                for (String column : droppedColumns(drop)) {
                    found.add(new SchemaChange(key, Kind.DROP_COLUMN, drop.getTableName(), column, "", ""));
                }
            } else if (change instanceof RenameColumnChange rename) {
                found.add(new SchemaChange(
                        key,
                        Kind.RENAME_COLUMN,
                        rename.getTableName(),
                        rename.getOldColumnName(),
                        rename.getNewColumnName(),
                        ""));
            } else if (change instanceof ModifyDataTypeChange modify) {
                found.add(new SchemaChange(
                        key,
                        Kind.MODIFY_TYPE,
                        modify.getTableName(),
                        modify.getColumnName(),
                        "",
                        modify.getNewDataType()));
            } else {
                found.addAll(readObjectChange(key, change));
            }
        }
        return found;
    }

    private static List<SchemaChange> readObjectChange(final String key, final Change change) {
        if (change instanceof DropTableChange drop) {
            return List.of(new SchemaChange(key, Kind.DROP_TABLE, drop.getTableName(), "", "", ""));
        }
        if (change instanceof RenameTableChange rename) {
            return List.of(new SchemaChange(
                    key, Kind.RENAME_TABLE, rename.getOldTableName(), "", rename.getNewTableName(), ""));
        }
        if (change instanceof DropViewChange drop) {
            return List.of(new SchemaChange(key, Kind.DROP_VIEW, drop.getViewName(), "", "", ""));
        }
        if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
            return readSql(key, sql.getSql());
        }
        return List.of();
    }

    /**
     * Recognises the common forms of raw SQL, statement by statement.
     *
     * @param key the changeset's key
     * @param sql one or more statements separated by {@code ;}
     * @return the schema changes found
     */
    static List<SchemaChange> readSql(final String key, final String sql) {
        List<SchemaChange> found = new ArrayList<>();
        for (String statement : sql.split(";")) {
            String text = statement.replaceAll("\\s+", " ").strip();
            Matcher alter = ALTER.matcher(text);
            Matcher drop = DROP_OBJECT.matcher(text);
            if (alter.lookingAt()) {
                readAlter(key, alter.group(1), alter.group(2), found);
            } else if (drop.lookingAt()) {
                Kind kind = "VIEW".equalsIgnoreCase(drop.group(1)) ? Kind.DROP_VIEW : Kind.DROP_TABLE;
                found.add(new SchemaChange(key, kind, drop.group(2), "", "", ""));
            }
        }
        return found;
    }

    private static void readAlter(
            final String key, final String table, final String rest, final List<SchemaChange> found) {
        Matcher renameTable = RENAME_TABLE.matcher(rest);
        Matcher renameColumn = RENAME_COLUMN.matcher(rest);
        Matcher dropColumn = DROP_COLUMN.matcher(rest);
        if (renameTable.lookingAt()) {
            found.add(new SchemaChange(key, Kind.RENAME_TABLE, table, "", renameTable.group(1), ""));
        } else if (renameColumn.lookingAt()) {
            found.add(
                    new SchemaChange(key, Kind.RENAME_COLUMN, table, renameColumn.group(1), renameColumn.group(2), ""));
        } else if (dropColumn.lookingAt()) {
            found.add(new SchemaChange(key, Kind.DROP_COLUMN, table, dropColumn.group(1), "", ""));
        }
    }

    private static List<String> droppedColumns(final DropColumnChange drop) {
        if (drop.getColumnName() != null) {
            return List.of(drop.getColumnName());
        }
        return drop.getColumns().stream().map(ColumnConfig::getName).toList();
    }
}
