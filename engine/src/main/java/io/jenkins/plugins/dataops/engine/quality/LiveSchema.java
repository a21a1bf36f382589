package io.jenkins.plugins.dataops.engine.quality;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables and columns of the connection's current schema, read through JDBC metadata (no query is counted
 * for it). Tables are read lazily and cached for one run.
 */
final class LiveSchema {
    private final Connection connection;
    private final List<String> tableNames;
    private final Map<String, TableInfo> tables = new HashMap<>();

    private LiveSchema(final Connection connection, final List<String> tableNames) {
        this.connection = connection;
        this.tableNames = tableNames;
    }

    /**
     * Reads the table names of the current schema.
     *
     * @param connection an open connection
     * @return the schema
     * @throws SQLException when the metadata cannot be read
     */
    static LiveSchema read(final Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection
                .getMetaData()
                .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {
                    "TABLE", "VIEW", "BASE TABLE", "PARTITIONED TABLE", "MATERIALIZED VIEW"
                })) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return new LiveSchema(connection, names);
    }

    List<String> tableNames() {
        return List.copyOf(tableNames);
    }

    /**
     * Finds a table: the exact name first, then the only case-insensitive match.
     *
     * @param requested the name as written in a suite
     * @return the table with its columns, or empty
     * @throws SQLException when the metadata cannot be read
     */
    Optional<TableInfo> table(final String requested) throws SQLException {
        Optional<String> real = match(requested, tableNames, Function.identity());
        if (real.isEmpty()) {
            return Optional.empty();
        }
        TableInfo cached = tables.get(real.get());
        if (cached == null) {
            cached = new TableInfo(real.get(), columns(real.get()));
            tables.put(real.get(), cached);
        }
        return Optional.of(cached);
    }

    private List<ColumnInfo> columns(final String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        String pattern = escape == null
                ? table
                : table.replace(escape, escape + escape)
                        .replace("_", escape + "_")
                        .replace("%", escape + "%");
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), pattern, "%")) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    columns.add(column(rs));
                }
            }
        }
        return columns;
    }

    /** Reads one column; a domain column (JDBC {@code DISTINCT}) is described by its base type. */
    private static ColumnInfo column(final ResultSet rs) throws SQLException {
        int jdbcType = rs.getInt("DATA_TYPE");
        String typeName = rs.getString("TYPE_NAME");
        String domain = "";
        if (jdbcType == Types.DISTINCT) {
            int base = rs.getInt("SOURCE_DATA_TYPE");
            if (!rs.wasNull()) {
                jdbcType = base;
                domain = typeName;
            }
        }
        return new ColumnInfo(
                rs.getString("COLUMN_NAME"),
                jdbcType,
                typeName,
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("DECIMAL_DIGITS"),
                domain);
    }

    /**
     * Matches a requested name against real names: an exact match wins, otherwise exactly one case-insensitive
     * match is needed.
     *
     * @param requested the name as written
     * @param candidates the real objects
     * @param name how to get a real object's name
     * @param <T> the object type
     * @return the match, or empty when none or several match
     */
    static <T> Optional<T> match(final String requested, final List<T> candidates, final Function<T, String> name) {
        Optional<T> exact =
                candidates.stream().filter(c -> name.apply(c).equals(requested)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String lower = requested.toLowerCase(Locale.ROOT);
        List<T> folded = candidates.stream()
                .filter(c -> name.apply(c).toLowerCase(Locale.ROOT).equals(lower))
                .collect(Collectors.toList());
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }
}
