package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Liquibase's own changelog lock row ({@code DATABASECHANGELOGLOCK}, id 1), read and released with plain JDBC.
 * Only called while the environment's lock is held, which proves no other migration runs there.
 */
final class LiquibaseLockRow {
    private static final String TABLE = "DATABASECHANGELOGLOCK";

    private LiquibaseLockRow() {}

    /**
     * Releases the row's lock when it is set.
     *
     * @param target the environment's database
     * @return the holder that was released ({@code 'host (ip)' (since time)}), empty when none
     * @throws DataOpsException when the database refuses
     */
    static Optional<String> releaseIfLocked(final DatabaseTarget target) {
        try (Connection connection = target.open()) {
            if (!exists(connection)) {
                return Optional.empty();
            }
            String holder;
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT LOCKEDBY, LOCKGRANTED FROM " + TABLE + " WHERE ID = 1 AND LOCKED = ?");
                    ResultSet row = bind(query).executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                holder = "'%s' (since %s)".formatted(row.getString(1), row.getTimestamp(2));
            }
            try (PreparedStatement release = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET LOCKED = ?, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1")) {
                release.setBoolean(1, false);
                release.executeUpdate();
            }
            return Optional.of(holder);
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot check Liquibase's lock on environment '%s': %s"
                            .formatted(target.environment(), e.getMessage()),
                    e);
        }
    }

    private static PreparedStatement bind(final PreparedStatement query) throws SQLException {
        query.setBoolean(1, true);
        return query;
    }

    private static boolean exists(final Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(TABLE, TABLE.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
