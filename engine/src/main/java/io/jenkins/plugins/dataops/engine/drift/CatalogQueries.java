package io.jenkins.plugins.dataops.engine.drift;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What JDBC metadata does not tell, read from the catalog: unique constraints and sequences from the
 * information schema, view queries from the information schema (H2, SQL Server) or {@code pg_get_viewdef}
 * (PostgreSQL, whose information schema hides the query of views the login does not own).
 */
final class CatalogQueries {
    private static final String UNIQUE = "SELECT tc.table_name, tc.constraint_name, kcu.column_name"
            + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu"
            + " ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema"
            + " AND kcu.table_name = tc.table_name"
            + " WHERE tc.constraint_type = 'UNIQUE' AND tc.table_schema = ?"
            + " ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position";
    private static final String VIEWS = "SELECT table_name, view_definition FROM information_schema.views"
            + " WHERE table_schema = ? ORDER BY table_name";
    private static final String POSTGRES_VIEWS = "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND n.nspname = ?"
            + " ORDER BY c.relname";
    private static final String SEQUENCES = "SELECT sequence_name, increment FROM information_schema.sequences"
            + " WHERE sequence_schema = ? ORDER BY sequence_name";

    private final Connection connection;
    private final Dialect dialect;
    private final String schema;

    CatalogQueries(final Connection connection, final Dialect dialect, final String schema) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
    }

    List<SchemaObject> uniqueConstraints() throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        for (String[] row : query(UNIQUE, 3)) {
            columns.computeIfAbsent(row[1], c -> new ArrayList<>()).add(row[2]);
            tables.put(row[1], row[0]);
        }
        List<SchemaObject> found = new ArrayList<>();
        columns.forEach((name, cols) -> {
            String covered = tables.get(name) + "(" + String.join(", ", cols) + ")";
            found.add(new SchemaObject("unique", covered, "UNIQUE " + covered, name));
        });
        return found;
    }

    List<SchemaObject> views() throws SQLException {
        List<SchemaObject> found = new ArrayList<>();
        for (String[] row : query(dialect == Dialect.POSTGRES ? POSTGRES_VIEWS : VIEWS, 2)) {
            String definition =
                    row[1] == null ? "" : row[1].replaceAll("\\s+", " ").strip();
            found.add(new SchemaObject("view", row[0], definition.replaceFirst(";$", ""), ""));
        }
        return found;
    }

    List<SchemaObject> sequences() throws SQLException {
        List<SchemaObject> found = new ArrayList<>();
        for (String[] row : query(SEQUENCES, 2)) {
            found.add(new SchemaObject("sequence", row[0], "SEQUENCE INCREMENT BY " + row[1], ""));
        }
        return found;
    }

    private List<String[]> query(final String sql, final int width) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
