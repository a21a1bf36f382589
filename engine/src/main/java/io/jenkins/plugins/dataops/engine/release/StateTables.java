package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Where the product's own tables (lock, release history) live and how their constraints are named. Every
 * constraint gets an explicit {@code dataops_} name: an unnamed one takes a name the database generates, and on
 * H2 those ({@code CONSTRAINT_2}, {@code CONSTRAINT_D}) share one name space per schema with the user's own
 * constraints, so a changelog that names its constraints the same way would collide with ours.
 */
final class StateTables {
    private StateTables() {}

    /**
     * Returns the name to use in SQL: the table in the target's state schema, or bare in the default schema.
     *
     * @param target the environment's database
     * @param table  one of our table names
     * @return the (unquoted, validated) qualified name
     */
    static String qualified(final DatabaseTarget target, final String table) {
        return target.stateSchema().isEmpty() ? table : target.stateSchema() + "." + table;
    }

    /**
     * Creates the state schema when the target names one that does not exist yet.
     *
     * @param connection an open connection
     * @param target     the environment's database
     * @throws SQLException when the login may not create it
     */
    static void ensureSchema(final Connection connection, final DatabaseTarget target) throws SQLException {
        String schema = target.stateSchema();
        if (schema.isEmpty() || schemaExists(connection, schema)) {
            return;
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(
                    target.dialect() == Dialect.SQLSERVER
                            ? "EXEC('CREATE SCHEMA " + schema + "')"
                            : "CREATE SCHEMA IF NOT EXISTS " + schema);
        }
    }

    /**
     * Creates one of our tables in the target's state schema (creating the schema first when needed). Another
     * process may create it between a caller's existence check and this DDL: that is fine, and only a table that
     * still does not exist afterwards fails.
     *
     * @param connection  an open connection
     * @param target      the environment's database
     * @param table       the table name
     * @param createTable the {@code CREATE TABLE} statement
     * @throws SQLException when the table cannot be created and does not exist
     */
    static void create(
            final Connection connection, final DatabaseTarget target, final String table, final String createTable)
            throws SQLException {
        ensureSchema(connection, target);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(createTable);
        } catch (SQLException e) {
            if (!exists(connection, target, table)) {
                throw e;
            }
        }
    }

    private static boolean schemaExists(final Connection connection, final String schema) throws SQLException {
        try (ResultSet schemas = connection.getMetaData().getSchemas()) {
            while (schemas.next()) {
                if (schema.equalsIgnoreCase(schemas.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Tells whether one of our tables exists in the target's state schema (or the connection's schema).
     *
     * @param connection an open connection
     * @param target     the environment's database
     * @param table      the table name
     * @return true when it exists
     * @throws SQLException when the metadata cannot be read
     */
    static boolean exists(final Connection connection, final DatabaseTarget target, final String table)
            throws SQLException {
        return actualName(connection, target, table) != null;
    }

    private static String[] actualName(final Connection connection, final DatabaseTarget target, final String table)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = target.stateSchema().isEmpty() ? connection.getSchema() : target.stateSchema();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            for (String inSchema : schemaSpellings(schema)) {
                try (ResultSet tables = meta.getTables(null, inSchema, candidate, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return new String[] {tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME")};
                    }
                }
            }
        }
        return null;
    }

    private static List<String> schemaSpellings(final String schema) {
        if (schema == null) {
            return java.util.Collections.singletonList(null);
        }
        return List.of(schema, schema.toUpperCase(Locale.ROOT), schema.toLowerCase(Locale.ROOT));
    }

    /**
     * Gives a table's primary key our name when it has another one: a table created by an earlier version, whose
     * primary key got a generated name ({@code CONSTRAINT_D} on H2, {@code dataops_lock_pkey} on PostgreSQL).
     *
     * @param connection an open connection
     * @param target     the environment's database
     * @param table      the table name
     * @param wanted     the primary key name it should have
     * @throws SQLException when the rename fails
     */
    static void namePrimaryKey(
            final Connection connection, final DatabaseTarget target, final String table, final String wanted)
            throws SQLException {
        String[] actual = actualName(connection, target, table);
        if (actual == null) {
            return;
        }
        String current = primaryKeyName(connection, actual);
        if (current == null || current.equalsIgnoreCase(wanted)) {
            return;
        }
        Dialect dialect = target.dialect();
        String sql = dialect == Dialect.SQLSERVER
                ? "EXEC sp_rename '" + qualified(target, current.replace("'", "''")) + "', '" + wanted + "', 'OBJECT'"
                : "ALTER TABLE " + qualified(target, table) + " RENAME CONSTRAINT " + dialect.quote(current) + " TO "
                        + wanted;
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(sql);
        } catch (SQLException e) {
            // A concurrent operation of this version may have renamed it first; anything else is a real failure.
            if (!wanted.equalsIgnoreCase(primaryKeyName(connection, actual))) {
                throw e;
            }
        }
    }

    private static String primaryKeyName(final Connection connection, final String[] table) throws SQLException {
        try (ResultSet keys = connection.getMetaData().getPrimaryKeys(null, table[0], table[1])) {
            return keys.next() ? keys.getString("PK_NAME") : null;
        }
    }
}
