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
 * The tables and columns of the connection's current schema (and of the schemas a suite names, as in
 * {@code sales.orders}), read through JDBC metadata (no query is counted for it). Every name passed to a
 * metadata call is a pattern, so it is escaped with the driver's search-string escape: a schema {@code my_s}
 * must not also find {@code myXs}. Tables are read lazily and cached for one run.
 */
final class LiveSchema {
    private static final String[] TABLE_TYPES = {"TABLE", "VIEW", "BASE TABLE", "PARTITIONED TABLE", "MATERIALIZED VIEW"
    };
    private final Connection connection;
    private final String currentSchema;
    private final List<String> tableNames;
    private final Map<String, List<String>> tablesOfSchema = new HashMap<>();
    private final Map<String, TableInfo> tables = new HashMap<>();

    private LiveSchema(final Connection connection, final String currentSchema, final List<String> tableNames) {
        this.connection = connection;
        this.currentSchema = currentSchema;
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
        String schema = connection.getSchema();
        return new LiveSchema(connection, schema, tableNames(connection, schema));
    }

    private static List<String> tableNames(final Connection connection, final String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), escape(meta, schema), "%", TABLE_TYPES)) {
            while (rs.next()) {
                if (schema == null || schema.equals(rs.getString("TABLE_SCHEM"))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    /**
     * Escapes a name for a metadata pattern argument, so {@code _} and {@code %} match only themselves.
     *
     * @param meta the driver's metadata
     * @param name the exact name, or null for any
     * @return the pattern
     * @throws SQLException when the escape cannot be read
     */
    static String escape(final DatabaseMetaData meta, final String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    List<String> tableNames() {
        return List.copyOf(tableNames);
    }

    /**
     * Finds a table: the exact name first, then the only case-insensitive match (a quoted part matches exactly
     * only); {@code sales.orders} looks in schema {@code sales}.
     *
     * @param requested the name as written in a suite
     * @return the table with its columns, or empty
     * @throws SQLException when the metadata cannot be read
     */
    Optional<TableInfo> table(final String requested) throws SQLException {
        QualifiedName q = QualifiedName.parse(requested);
        String schema = "";
        List<String> names = tableNames;
        if (!q.schema().isEmpty()) {
            Optional<String> real = pick(q.schema(), q.schemaQuoted(), schemaNames(), Function.identity());
            if (real.isEmpty()) {
                return Optional.empty();
            }
            schema = real.get();
            names = tablesOfSchema.computeIfAbsent(schema, s -> List.of());
            if (names.isEmpty()) {
                names = tableNames(connection, schema);
                tablesOfSchema.put(schema, names);
            }
        }
        Optional<String> real = pick(q.name(), q.nameQuoted(), names, Function.identity());
        if (real.isEmpty()) {
            return Optional.empty();
        }
        String key = schema + "\u0000" + real.get();
        TableInfo cached = tables.get(key);
        if (cached == null) {
            cached = new TableInfo(schema, real.get(), columns(schema.isEmpty() ? currentSchema : schema, real.get()));
            tables.put(key, cached);
        }
        return Optional.of(cached);
    }

    /**
     * Lists the names a requested table name matches case-insensitively, when no name matches exactly: two or
     * more means the name is ambiguous.
     *
     * @param requested the name as written in a suite (unqualified names only)
     * @return the candidates
     */
    List<String> candidates(final String requested) {
        QualifiedName q = QualifiedName.parse(requested);
        return q.schema().isEmpty() ? candidates(q.name(), tableNames, Function.identity()) : List.of();
    }

    private List<String> schemaNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getSchemas()) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_SCHEM"));
            }
        }
        return names;
    }

    private static <T> Optional<T> pick(
            final String requested, final boolean exact, final List<T> candidates, final Function<T, String> name) {
        if (exact) {
            return candidates.stream()
                    .filter(c -> name.apply(c).equals(requested))
                    .findFirst();
        }
        return match(requested, candidates, name);
    }

    private List<ColumnInfo> columns(final String schema, final String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), escape(meta, schema), escape(meta, table), "%")) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))
                        && (schema == null || schema.equals(rs.getString("TABLE_SCHEM")))) {
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
        List<T> folded = candidates(requested, candidates, name);
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    /**
     * Lists the case-insensitive matches of a name that has no exact match.
     *
     * @param requested the name as written
     * @param candidates the real objects
     * @param name how to get a real object's name
     * @param <T> the object type
     * @return the matches, empty when an exact match exists
     */
    static <T> List<T> candidates(final String requested, final List<T> candidates, final Function<T, String> name) {
        if (candidates.stream().anyMatch(c -> name.apply(c).equals(requested))) {
            return List.of();
        }
        String lower = requested.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> name.apply(c).toLowerCase(Locale.ROOT).equals(lower))
                .collect(Collectors.toList());
    }
}
