package io.jenkins.plugins.dataops.engine.quality;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table as the database metadata describes it: its real name and its columns. Identifiers of a suite are
 * matched against it, so only names that exist in the database ever reach a query.
 *
 * @param name    the real name
 * @param columns the columns, in table order
 */
record TableInfo(String name, List<ColumnInfo> columns) {
    TableInfo {
        columns = List.copyOf(columns);
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
