package io.jenkins.plugins.dataops.engine.provision.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what the PostgreSQL server has: databases, roles, their owners and comments. Names go as parameters. */
final class PostgresCatalog {
    private final Connection connection;

    PostgresCatalog(final Connection connection) {
        this.connection = connection;
    }

    boolean databaseExists(final String name) throws SQLException {
        return single("SELECT 1 FROM pg_database WHERE datname = ?", name) != null;
    }

    boolean roleExists(final String name) throws SQLException {
        return single("SELECT 1 FROM pg_roles WHERE rolname = ?", name) != null;
    }

    boolean roleCanLogin(final String name) throws SQLException {
        return "t"
                .equals(single(
                        "SELECT CASE WHEN rolcanlogin THEN 't' ELSE 'f' END FROM pg_roles WHERE rolname = ?", name));
    }

    String databaseOwner(final String name) throws SQLException {
        return single("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", name);
    }

    /** Returns the comment, an empty string for none, or null when the database does not exist. */
    String databaseComment(final String name) throws SQLException {
        return single(
                "SELECT COALESCE(shobj_description(oid, 'pg_database'), '') FROM pg_database " + "WHERE datname = ?",
                name);
    }

    /** Returns the comment, an empty string for none, or null when the role does not exist. */
    String roleComment(final String name) throws SQLException {
        return single("SELECT COALESCE(shobj_description(oid, 'pg_authid'), '') FROM pg_roles WHERE rolname = ?", name);
    }

    /** Returns the comments of every database that carries a DataOps mark. */
    List<String> managedDatabaseComments() throws SQLException {
        List<String> comments = new ArrayList<>();
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                                + " WHERE shobj_description(oid, 'pg_database') LIKE 'dataops-managed %'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                comments.add(rows.getString(1));
            }
        }
        return comments;
    }

    private String single(final String sql, final String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
