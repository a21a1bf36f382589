package io.jenkins.plugins.dataops.engine.drift;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the schema of a connection's current schema through JDBC metadata and the information schema (no
 * query touches the data; nothing is written): tables, columns, primary and foreign keys, unique constraints,
 * indexes, views and sequences.
 */
public final class SnapshotReader {
    private static final Set<Integer> SIZED_TYPES = Set.of(
            Types.CHAR,
            Types.VARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.DECIMAL,
            Types.NUMERIC,
            Types.BINARY,
            Types.VARBINARY);

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final String catalog;
    private final String schema;

    private SnapshotReader(final Connection connection) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        this.catalog = connection.getCatalog();
        this.schema = connection.getSchema();
    }

    /**
     * Reads the current schema of a connection.
     *
     * @param connection an open connection
     * @param dialect    its dialect (views and sequences are read from its catalog)
     * @return the snapshot, without DataOps' and Liquibase's own tables
     * @throws SQLException when the metadata cannot be read
     */
    public static SchemaSnapshot read(final Connection connection, final Dialect dialect) throws SQLException {
        return new SnapshotReader(connection).snapshot(dialect);
    }

    private SchemaSnapshot snapshot(final Dialect dialect) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        for (String table : names(new String[] {"TABLE", "BASE TABLE"})) {
            objects.add(new SchemaObject("table", table, "table", ""));
            columns(table, objects);
            primaryKey(table, objects);
            foreignKeys(table, objects);
            indexes(table, objects);
        }
        CatalogQueries catalogQueries = new CatalogQueries(connection, dialect, schema);
        objects.addAll(catalogQueries.uniqueConstraints());
        objects.addAll(catalogQueries.views());
        objects.addAll(catalogQueries.sequences());
        return new SchemaSnapshot(objects.stream()
                .filter(o -> !SchemaSnapshot.isOwnTable(tableOf(o.name())))
                .toList());
    }

    private List<String> names(final String[] types) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", types)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private void columns(final String table, final List<SchemaObject> objects) throws SQLException {
        try (ResultSet rs = meta.getColumns(catalog, schema, escape(table), "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String type = rs.getString("TYPE_NAME");
                if (SIZED_TYPES.contains(rs.getInt("DATA_TYPE"))) {
                    int digits = rs.getInt("DECIMAL_DIGITS");
                    boolean decimal =
                            rs.getInt("DATA_TYPE") == Types.DECIMAL || rs.getInt("DATA_TYPE") == Types.NUMERIC;
                    type += "(" + rs.getInt("COLUMN_SIZE") + (decimal ? "," + digits : "") + ")";
                }
                String nullable = "NO".equals(rs.getString("IS_NULLABLE")) ? " NOT NULL" : " NULL";
                String fallback = rs.getString("COLUMN_DEF");
                String definition = type + nullable + (fallback == null ? "" : " DEFAULT " + fallback.strip());
                objects.add(new SchemaObject("column", table + "." + rs.getString("COLUMN_NAME"), definition, ""));
            }
        }
    }

    private void primaryKey(final String table, final List<SchemaObject> objects) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        String name = "";
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                name = rs.getString("PK_NAME") == null ? "" : rs.getString("PK_NAME");
            }
        }
        if (!columns.isEmpty()) {
            objects.add(new SchemaObject(
                    "primary key", table, "PRIMARY KEY (" + String.join(", ", columns.values()) + ")", name));
        }
    }

    private void foreignKeys(final String table, final List<SchemaObject> objects) throws SQLException {
        Map<String, List<String[]>> keys = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String id = rs.getString("FK_NAME") == null ? rs.getString("PKTABLE_NAME") : rs.getString("FK_NAME");
                keys.computeIfAbsent(id, k -> new ArrayList<>()).add(new String[] {
                    rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")
                });
            }
        }
        for (Map.Entry<String, List<String[]>> key : keys.entrySet()) {
            List<String[]> parts = key.getValue();
            String from = String.join(", ", parts.stream().map(p -> p[0]).toList());
            String to = parts.get(0)[1] + "("
                    + String.join(", ", parts.stream().map(p -> p[2]).toList()) + ")";
            objects.add(new SchemaObject("foreign key", table + "(" + from + ")", "REFERENCES " + to, key.getKey()));
        }
    }

    private void indexes(final String table, final List<SchemaObject> objects) throws SQLException {
        Map<String, Map<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                columns.computeIfAbsent(name, n -> new TreeMap<>())
                        .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        for (Map.Entry<String, Map<Integer, String>> index : columns.entrySet()) {
            String covered = table + "(" + String.join(", ", index.getValue().values()) + ")";
            String definition = (unique.get(index.getKey()) ? "UNIQUE INDEX ON " : "INDEX ON ") + covered;
            objects.add(new SchemaObject("index", covered, definition, index.getKey()));
        }
    }

    private String escape(final String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return escape == null
                ? name
                : name.replace(escape, escape + escape)
                        .replace("_", escape + "_")
                        .replace("%", escape + "%");
    }

    /** The table an object name belongs to: {@code T}, {@code T.C} and {@code T(C, D)} all belong to T. */
    static String tableOf(final String objectName) {
        int end = objectName.length();
        for (char stop : new char[] {'.', '('}) {
            int at = objectName.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return objectName.substring(0, end);
    }
}
