package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Puts a data-test connection into read-only transactions, one per query. A session-level read-only default is
 * not enough: pgjdbc's {@code setReadOnly} does nothing in auto-commit mode, and a function called by one check
 * could turn the session's default back to read-write for the next. Without auto-commit pgjdbc begins every
 * transaction with {@code BEGIN READ ONLY}, which nothing inside it can undo, and each query's transaction is
 * rolled back (it only read). H2 and SQL Server ignore the hint; the suite parser refuses writing SQL for them.
 */
final class ReadOnlySession {
    private ReadOnlySession() {}

    /**
     * Makes a connection run its queries in read-only transactions.
     *
     * @param connection a fresh connection
     * @param dialect    its database
     * @throws SQLException when the driver refuses
     */
    static void enter(final Connection connection, final Dialect dialect) throws SQLException {
        connection.setReadOnly(true);
        if (dialect == Dialect.POSTGRES) {
            connection.setAutoCommit(false);
        }
    }

    /**
     * Ends the read-only transaction of the query just run, so the next one starts a new one (and a failed query
     * does not abort the ones after it).
     *
     * @param connection the connection
     */
    static void endQuery(final Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // a broken connection fails the next query, which reports it
        }
    }
}
