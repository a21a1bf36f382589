package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AbstractModifyDataChange;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DeleteDataChange;
import liquibase.change.core.DropAllForeignKeyConstraintsChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.MergeColumnChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.changelog.ChangeSet;

/**
 * Finds the changes of a pending batch that remove data or structure. One instance walks one batch in order: it
 * remembers the column types the batch's earlier changes give (create table, add column, type change, rename), so
 * a type change on a column created in the same batch is judged against that type instead of "unknown".
 */
final class DestructiveChanges {
    /** Raw SQL that removes data or structure. */
    private static final Pattern DESTRUCTIVE_SQL = Pattern.compile(
            "\\b(DROP\\s+(TABLE|COLUMN|SCHEMA|DATABASE)|TRUNCATE\\b|ALTER\\s+TABLE\\s+\\S+\\s+DROP\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Raw {@code DELETE} without a {@code WHERE}: every row, like {@code TRUNCATE}. A raw {@code UPDATE} without
     * one is a backfill more often than not, so only the {@code update} change type is held to the rule.
     */
    private static final Pattern WHOLE_TABLE_SQL =
            Pattern.compile("\\bDELETE\\s+FROM\\s+[\\w.\"]+\\s*(;|$)", Pattern.CASE_INSENSITIVE);

    private final NarrowingDetector narrowing;
    private final Map<String, SqlType> batchTypes = new HashMap<>();

    DestructiveChanges(final NarrowingDetector narrowing) {
        this.narrowing = narrowing;
    }

    /**
     * Lists what a changeset destroys, then remembers the column types it gives. Call it for each changeset of
     * the batch in order.
     *
     * @param changeSet the next pending changeset
     * @return what it destroys, empty when nothing
     */
    List<String> of(final ChangeSet changeSet) {
        List<String> found = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            describe(change).ifPresent(found::add);
            remember(change);
        }
        return found;
    }

    private Optional<String> describe(final Change change) {
        if (change instanceof DropTableChange drop && drop.getTableName() != null) {
            return Optional.of("drop table " + drop.getTableName());
        }
        if (change instanceof DropColumnChange drop) {
            return Optional.of("drop column " + drop.getTableName() + "." + droppedColumns(drop));
        }
        if (change instanceof MergeColumnChange merge) {
            return Optional.of("merge columns %s.%s and %s.%s into %s (drops both)"
                    .formatted(
                            merge.getTableName(),
                            merge.getColumn1Name(),
                            merge.getTableName(),
                            merge.getColumn2Name(),
                            merge.getFinalColumnName()));
        }
        if (change instanceof DropAllForeignKeyConstraintsChange drop) {
            return Optional.of("drop all foreign keys of " + drop.getBaseTableName());
        }
        if (change instanceof AbstractModifyDataChange modify && isBlank(modify.getWhere())) {
            String verb = modify instanceof DeleteDataChange ? "delete" : "update";
            return Optional.of(verb + " of every row of " + modify.getTableName() + " (no where)");
        }
        if (change instanceof ModifyDataTypeChange modify) {
            return narrowing.describe(modify, Optional.ofNullable(batchTypes.get(key(modify))));
        }
        if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
            return describeSql(sql.getSql());
        }
        return Optional.empty();
    }

    private static Optional<String> describeSql(final String sql) {
        if (DESTRUCTIVE_SQL.matcher(sql).find()) {
            return Optional.of("raw SQL that drops or truncates: " + abbreviate(sql));
        }
        if (WHOLE_TABLE_SQL.matcher(sql).find()) {
            return Optional.of("raw SQL that deletes every row: " + abbreviate(sql));
        }
        return Optional.empty();
    }

    private void remember(final Change change) {
        if (change instanceof CreateTableChange create) {
            for (ColumnConfig column : create.getColumns()) {
                put(create.getTableName(), column.getName(), column.getType());
            }
        } else if (change instanceof AddColumnChange add) {
            for (ColumnConfig column : add.getColumns()) {
                put(add.getTableName(), column.getName(), column.getType());
            }
        } else if (change instanceof ModifyDataTypeChange modify) {
            batchTypes.put(key(modify), SqlType.parse(modify.getNewDataType()));
        } else if (change instanceof RenameColumnChange rename) {
            SqlType type = batchTypes.remove(key(rename.getTableName(), rename.getOldColumnName()));
            if (type != null) {
                batchTypes.put(key(rename.getTableName(), rename.getNewColumnName()), type);
            }
        } else if (change instanceof DropColumnChange drop && drop.getColumnName() != null) {
            batchTypes.remove(key(drop.getTableName(), drop.getColumnName()));
        }
    }

    private void put(final String table, final String column, final String type) {
        if (column != null && type != null) {
            batchTypes.put(key(table, column), SqlType.parse(type));
        }
    }

    private static String key(final ModifyDataTypeChange modify) {
        return key(modify.getTableName(), modify.getColumnName());
    }

    private static String key(final String table, final String column) {
        return (table + "." + column).toUpperCase(Locale.ROOT);
    }

    private static String droppedColumns(final DropColumnChange drop) {
        return drop.getColumnName() != null
                ? drop.getColumnName()
                : drop.getColumns().stream().map(ColumnConfig::getName).toList().toString();
    }

    private static boolean isBlank(final String text) {
        return text == null || text.isBlank();
    }

    private static String abbreviate(final String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
