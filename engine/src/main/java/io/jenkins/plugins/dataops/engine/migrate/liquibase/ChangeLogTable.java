package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Liquibase's changelog table ({@code DATABASECHANGELOG} in the connection's schema) read with plain JDBC, for the
 * callers that only read what was applied ({@code test}, {@code history}): starting Liquibase (its scope, service locator and database
 * implementations) costs a command that reads no changelog file more than the rest of its work on a small
 * database. Rows come in Liquibase's own order (date executed, then order executed).
 */
final class ChangeLogTable {
    private static final String TABLE = "DATABASECHANGELOG";

    private ChangeLogTable() {}

    /**
     * Returns the tags applied to an environment.
     *
     * @param target the environment's database
     * @return the non-empty tags, oldest first; empty when Liquibase never ran there
     * @throws DataOpsException when the database refuses (message scrubbed of the password)
     */
    static List<String> appliedTags(final DatabaseTarget target) {
        return AppliedChangeSet.tagsOf(history(target));
    }

    /**
     * Returns the changesets applied to an environment, as Liquibase's {@code RanChangeSet}s describe them.
     *
     * @param target the environment's database
     * @return the rows, oldest first; empty when Liquibase never ran there
     * @throws DataOpsException when the database refuses (message scrubbed of the password)
     */
    static List<AppliedChangeSet> history(final DatabaseTarget target) {
        try (Connection connection = target.open()) {
            Optional<String> table = find(connection);
            if (table.isEmpty()) {
                return List.of();
            }
            List<AppliedChangeSet> applied = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT ID, AUTHOR, FILENAME, MD5SUM, TAG, DATEEXECUTED, EXECTYPE, ORDEREXECUTED FROM "
                                    + table.get() + " ORDER BY DATEEXECUTED, ORDEREXECUTED");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.add(row(rows));
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot read the applied changesets of environment '%s': %s"
                            .formatted(target.environment(), SecretScrubber.scrub(e.getMessage(), target.password())),
                    e);
        }
    }

    private static AppliedChangeSet row(final ResultSet rows) throws SQLException {
        Timestamp executed = rows.getTimestamp(6);
        return new AppliedChangeSet(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                checksum(rows.getString(4)),
                Objects.toString(rows.getString(5), ""),
                executed == null ? 0 : executed.getTime(),
                Objects.toString(rows.getString(7), "null"),
                rows.getInt(8));
    }

    /** As Liquibase's {@code CheckSum.toString()}: a stored sum without a version is a version 1 sum. */
    private static String checksum(final String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        return stored.matches("\\d+:.*") ? stored : "1:" + stored;
    }

    /** Finds the table where Liquibase puts it: the connection's schema, in the database's spelling. */
    private static Optional<String> find(final Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        String escape = meta.getSearchStringEscape();
        String pattern = schema == null || escape == null
                ? schema
                : schema.replace(escape, escape + escape)
                        .replace("_", escape + "_")
                        .replace("%", escape + "%");
        for (String name : List.of(TABLE, TABLE.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, pattern, name, new String[] {"TABLE"})) {
                while (tables.next()) {
                    // the pattern is escaped, yet a driver may still match loosely: take only the exact schema
                    String found = tables.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals(found)) {
                        String table = quote(meta, tables.getString("TABLE_NAME"));
                        return Optional.of(found == null ? table : quote(meta, found) + "." + table);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String quote(final DatabaseMetaData meta, final String identifier) throws SQLException {
        String quote = meta.getIdentifierQuoteString().trim();
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
