package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one-row table {@value #TABLE} that says who holds an environment's lock and until when. On PostgreSQL
 * the advisory lock is the authority and the row only names the holder; elsewhere the row is the lock, taken
 * by an atomic conditional update. It lives in the environment's state schema and its primary key is named
 * {@value #PRIMARY_KEY} (see {@link StateTables}).
 */
final class LockTable {
    static final String TABLE = "dataops_lock";
    static final String PRIMARY_KEY = "dataops_lock_pk";

    private static final String HOST = hostName();
    private static final String THIS_PROCESS = ProcessHandle.current().pid() + "@" + HOST;

    private final Connection connection;
    private final DatabaseTarget target;
    private final String table;
    private final Clock clock;

    LockTable(final Connection connection, final DatabaseTarget target, final Clock clock) {
        this.connection = connection;
        this.target = target;
        this.table = StateTables.qualified(target, TABLE);
        this.clock = clock;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost"; // without a name, only processes of this machine share it: still correct here
        }
    }

    /** A stable 64-bit advisory lock key for an environment. */
    static long key(final String environment) {
        long hash = 1125899906842597L;
        for (byte b : ("dataops:" + environment).getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    void ensure() throws SQLException {
        if (StateTables.exists(connection, target, TABLE)) {
            StateTables.namePrimaryKey(connection, target, TABLE, PRIMARY_KEY);
        } else {
            StateTables.create(connection, target, TABLE, createTableSql(target.dialect(), table));
        }
        try (Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO " + table + " (id, holder, expires_at_millis) VALUES (1, NULL, 0)");
        } catch (SQLException e) {
            // the row exists already
        }
    }

    static String createTableSql(final Dialect dialect, final String table) {
        String text = dialect == Dialect.SQLSERVER ? "NVARCHAR(400)" : "VARCHAR(400)";
        return "CREATE TABLE " + table + " (id INT NOT NULL, holder " + text + ", holder_process " + text
                + ", expires_at_millis BIGINT NOT NULL, CONSTRAINT " + PRIMARY_KEY + " PRIMARY KEY (id))";
    }

    /**
     * Takes the lock when it is free, expired, or held by a process of this host that no longer runs (killed in
     * the middle of an operation): such a holder cannot renew its lease, and nobody should wait for it to expire.
     */
    boolean tryTake(final String owner, final Duration lease) throws SQLException {
        String deadHolder = deadLocalHolder();
        try (PreparedStatement take = connection.prepareStatement("UPDATE " + table + " SET holder = ?, "
                + "holder_process = ?, expires_at_millis = ? WHERE id = 1 AND (holder IS NULL OR expires_at_millis < ? "
                + "OR holder_process = ?)")) {
            long now = clock.millis();
            take.setString(1, owner);
            take.setString(2, THIS_PROCESS);
            take.setLong(3, now + lease.toMillis());
            take.setLong(4, now);
            take.setString(5, deadHolder == null ? "" : deadHolder);
            return take.executeUpdate() == 1;
        }
    }

    private String deadLocalHolder() throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("SELECT holder_process FROM " + table + " WHERE id = 1")) {
            String process = row.next() ? row.getString(1) : null;
            if (process == null || !process.endsWith("@" + HOST)) {
                return null;
            }
            long pid = Long.parseLong(process.substring(0, process.indexOf('@')));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? null : process;
        }
    }

    void renew(final String owner, final Duration lease) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement(
                "UPDATE " + table + " SET expires_at_millis = ? WHERE id = 1 AND holder = ?")) {
            renew.setLong(1, clock.millis() + lease.toMillis());
            renew.setString(2, owner);
            renew.executeUpdate();
        }
    }

    void recordHolder(final String owner) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(
                "UPDATE " + table + " SET holder = ?, holder_process = ?, expires_at_millis = ? WHERE id = 1")) {
            record.setString(1, owner);
            record.setString(2, THIS_PROCESS);
            record.setLong(3, Long.MAX_VALUE);
            record.executeUpdate();
        }
    }

    void release(final String owner) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE " + table + " SET holder = NULL, expires_at_millis = 0 WHERE id = 1 AND holder = ?")) {
            release.setString(1, owner);
            release.executeUpdate();
        }
    }

    String holder() throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet row =
                        query.executeQuery("SELECT holder, expires_at_millis FROM " + table + " WHERE id = 1")) {
            if (!row.next() || row.getString(1) == null) {
                return "another operation";
            }
            long expires = row.getLong(2);
            return "'" + row.getString(1) + "'"
                    + (expires == Long.MAX_VALUE ? "" : " (lease until " + Instant.ofEpochMilli(expires) + ")");
        }
    }
}
