package io.jenkins.plugins.dataops.engine.quality;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table as the database metadata describes it: its schema (when the suite named one), its real name and its
 * columns. Identifiers of a suite are matched against it, so only names that exist in the database ever reach a
 * query.
 *
 * @param schema  the real schema name when the suite qualified the table, or empty for the current schema
 * @param name    the real name
 * @param columns the columns, in table order
 */
record TableInfo(String schema, String name, List<ColumnInfo> columns) {
    TableInfo {
        columns = List.copyOf(columns);
    }

    TableInfo(final String name, final List<ColumnInfo> columns) {
        this("", name, columns);
    }

    /** The name for reports: {@code orders}, or {@code sales.orders} when qualified. */
    String displayName() {
        return schema.isEmpty() ? name : schema + "." + name;
    }

    /**
     * Finds a column: the exact name first, then the only case-insensitive match.
     *
     * @param requested the name as written in a suite
     * @return the real column, or empty
     */
    Optional<ColumnInfo> column(final String requested) {
        return LiveSchema.match(requested, columns, ColumnInfo::name);
    }

    List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).collect(Collectors.toList());
    }
}
