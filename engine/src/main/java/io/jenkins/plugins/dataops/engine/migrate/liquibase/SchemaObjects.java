package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.CreateViewChange;
import liquibase.changelog.ChangeSet;

/**
 * The named objects of the connection's default schema, as {@code table CUSTOMER}, {@code column
 * CUSTOMER.NAME}, {@code index IDX_NAME}, ... (upper case, so names compare across dialects). Used to find what a
 * failed changeset left behind on a database whose DDL commits at once, and which objects a pending changeset would
 * create although they exist already (drift).
 */
final class SchemaObjects {
    private SchemaObjects() {}

    /**
     * Reads the objects of the connection's schema.
     *
     * @param connection an open connection
     * @param dialect    its dialect
     * @return the objects
     * @throws SQLException when the catalogue cannot be read
     */
    static Set<String> snapshot(final Connection connection, final Dialect dialect) throws SQLException {
        String schema = connection.getSchema();
        Set<String> objects = new LinkedHashSet<>();
        read(
                connection,
                schema,
                objects,
                "SELECT CASE WHEN table_type = 'VIEW' THEN 'view' ELSE 'table' END, "
                        + "table_name, NULL FROM information_schema.tables WHERE table_schema = ?");
        read(
                connection,
                schema,
                objects,
                "SELECT 'column', table_name, column_name FROM information_schema.columns " + "WHERE table_schema = ?");
        read(
                connection,
                schema,
                objects,
                "SELECT 'constraint', constraint_name, NULL FROM "
                        + "information_schema.table_constraints WHERE constraint_schema = ? AND constraint_type <> 'CHECK'");
        read(
                connection,
                schema,
                objects,
                "SELECT 'sequence', sequence_name, NULL FROM information_schema.sequences "
                        + "WHERE sequence_schema = ?");
        String indexes =
                switch (dialect) {
                    case H2 ->
                        "SELECT 'index', index_name, NULL FROM information_schema.indexes WHERE table_schema = ?";
                    case POSTGRES -> "SELECT 'index', indexname, NULL FROM pg_indexes WHERE schemaname = ?";
                    case SQLSERVER ->
                        "SELECT 'index', i.name, NULL FROM sys.indexes i JOIN sys.tables t ON i.object_id = t.object_id"
                                + " WHERE SCHEMA_NAME(t.schema_id) = ? AND i.name IS NOT NULL";
                };
        read(connection, schema, objects, indexes);
        return objects;
    }

    private static void read(final Connection connection, final String schema, final Set<String> into, final String sql)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String second = rows.getString(3);
                    into.add(name(rows.getString(1).strip(), rows.getString(2) + (second == null ? "" : "." + second)));
                }
            }
        }
    }

    /**
     * Lists the named objects a changeset creates, as far as its change types say (raw SQL is not read). A
     * changeset with preconditions is left out: it may expect the objects to exist.
     *
     * @param changeSet the changeset
     * @return the objects, in the form of {@link #snapshot}
     */
    static List<String> createdBy(final ChangeSet changeSet) {
        List<String> created = new ArrayList<>();
        if (changeSet.getPreconditions() != null || changeSet.isAlwaysRun() || changeSet.isRunOnChange()) {
            return created;
        }
        for (Change change : changeSet.getChanges()) {
            if (change instanceof CreateTableChange create) {
                created.add(name("table", create.getTableName()));
            } else if (change instanceof CreateViewChange view && !Boolean.TRUE.equals(view.getReplaceIfExists())) {
                created.add(name("view", view.getViewName()));
            } else if (change instanceof AddColumnChange add) {
                for (ColumnConfig column : add.getColumns()) {
                    created.add(name("column", add.getTableName() + "." + column.getName()));
                }
            } else if (change instanceof CreateIndexChange index && index.getIndexName() != null) {
                created.add(name("index", index.getIndexName()));
            } else if (change instanceof CreateSequenceChange sequence) {
                created.add(name("sequence", sequence.getSequenceName()));
            } else {
                constraintName(change).ifPresent(c -> created.add(name("constraint", c)));
            }
        }
        return created;
    }

    private static Optional<String> constraintName(final Change change) {
        String name = null;
        if (change instanceof AddPrimaryKeyChange key) {
            name = key.getConstraintName();
        } else if (change instanceof AddUniqueConstraintChange unique) {
            name = unique.getConstraintName();
        } else if (change instanceof AddForeignKeyConstraintChange foreign) {
            name = foreign.getConstraintName();
        }
        return Optional.ofNullable(name);
    }

    private static String name(final String kind, final String object) {
        return kind + " " + String.valueOf(object).toUpperCase(Locale.ROOT);
    }
}
