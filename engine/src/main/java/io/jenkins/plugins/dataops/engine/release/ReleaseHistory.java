package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The release history table inside each environment's database ({@value #TABLE}). It is created by the
 * engine, never by the user's changelog, and only ever appended to. It lives in the environment's state schema
 * and its primary key is named {@value #PRIMARY_KEY} (see {@link StateTables}).
 */
public final class ReleaseHistory {
    /** The table name. */
    public static final String TABLE = "dataops_release_history";

    /** The name of its primary key. */
    public static final String PRIMARY_KEY = "dataops_release_history_pk";

    /** Actions that change which release an environment runs. */
    public static final Set<String> SCHEMA_ACTIONS = Action.wireNames(Action.MIGRATE, Action.PROMOTE, Action.ROLLBACK);

    private static final String COLUMNS = "product, environment, release_tag, fingerprint, changelog_checksum, action, "
            + "outcome, actor, build_ref, recorded_at_millis, details";

    private final DatabaseTarget target;
    private final String table;

    /**
     * Creates the history of one environment.
     *
     * @param target the environment's database
     */
    public ReleaseHistory(final DatabaseTarget target) {
        this.target = target;
        this.table = StateTables.qualified(target, TABLE);
    }

    /**
     * Appends an entry, creating the table first if needed.
     *
     * @param entry the entry (its id is ignored)
     * @throws DataOpsException when the database refuses
     */
    public void append(final HistoryEntry entry) {
        try (Connection connection = target.open()) {
            ensureTable(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.product());
                insert.setString(2, entry.environment());
                insert.setString(3, entry.release());
                insert.setString(4, entry.fingerprint());
                insert.setString(5, entry.changelogChecksum());
                insert.setString(6, entry.action());
                insert.setString(7, entry.outcome());
                insert.setString(8, entry.actor());
                insert.setString(9, entry.buildRef());
                insert.setLong(10, entry.recordedAtMillis());
                insert.setString(11, entry.details());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot record %s in the release history of environment '%s': %s"
                            .formatted(entry.action(), target.environment(), e.getMessage()),
                    e);
        }
    }

    /**
     * Lists the history of a product, oldest first. An environment never migrated has an empty history.
     *
     * @param product the data product
     * @return the entries
     */
    public List<HistoryEntry> list(final String product) {
        try (Connection connection = target.open()) {
            if (!StateTables.exists(connection, target, TABLE)) {
                return List.of();
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, " + COLUMNS + " FROM " + table + " WHERE product = ? ORDER BY id")) {
                query.setString(1, product);
                try (ResultSet rows = query.executeQuery()) {
                    List<HistoryEntry> entries = new ArrayList<>();
                    while (rows.next()) {
                        entries.add(read(rows));
                    }
                    return entries;
                }
            }
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot read the release history of environment '%s': %s"
                            .formatted(target.environment(), e.getMessage()),
                    e);
        }
    }

    /**
     * Returns the last successful schema change (migrate, promote or rollback): the release the environment runs.
     *
     * @param product the data product
     * @return the entry, empty when nothing was ever applied
     */
    public Optional<HistoryEntry> current(final String product) {
        return current(list(product));
    }

    /**
     * Returns the last successful schema change of a history: the release the environment runs.
     *
     * @param entries a history, oldest first
     * @return the entry, empty when nothing was ever applied
     */
    public static Optional<HistoryEntry> current(final List<HistoryEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry entry = entries.get(i);
            if (SCHEMA_ACTIONS.contains(entry.action()) && Outcome.SUCCESS.matches(entry.outcome())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the last entry of one action, whatever its outcome.
     *
     * @param product the data product
     * @param action  the action, e.g. {@code test}
     * @return the entry, empty when there is none
     */
    public Optional<HistoryEntry> last(final String product, final Action action) {
        return last(list(product), action);
    }

    /**
     * Returns the last entry of one action in a history, whatever its outcome.
     *
     * @param entries a history, oldest first
     * @param action  the action, e.g. {@code test}
     * @return the entry, empty when there is none
     */
    public static Optional<HistoryEntry> last(final List<HistoryEntry> entries, final Action action) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (action.matches(entries.get(i).action())) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    private static HistoryEntry read(final ResultSet rows) throws SQLException {
        return new HistoryEntry(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                rows.getString(10),
                rows.getLong(11),
                rows.getString(12));
    }

    private void ensureTable(final Connection connection) throws SQLException {
        if (StateTables.exists(connection, target, TABLE)) {
            StateTables.namePrimaryKey(connection, target, TABLE, PRIMARY_KEY);
            return;
        }
        StateTables.create(connection, target, TABLE, createTableSql(target.dialect(), table));
    }

    static String createTableSql(final Dialect dialect, final String table) {
        String id = dialect == Dialect.SQLSERVER ? "BIGINT IDENTITY(1,1)" : "BIGINT GENERATED BY DEFAULT AS IDENTITY";
        String text =
                switch (dialect) {
                    case H2 -> "CHARACTER LARGE OBJECT";
                    case POSTGRES -> "TEXT";
                    case SQLSERVER -> "NVARCHAR(MAX)";
                };
        String str = dialect == Dialect.SQLSERVER ? "NVARCHAR" : "VARCHAR";
        return "CREATE TABLE " + table + " (id " + id + ", product " + str + "(200) NOT NULL, environment " + str
                + "(100) NOT NULL, release_tag " + str + "(200) NOT NULL, fingerprint " + str
                + "(64) NOT NULL, changelog_checksum " + str + "(64) NOT NULL, action " + str
                + "(30) NOT NULL, outcome " + str + "(30) NOT NULL, actor " + str + "(200) NOT NULL, build_ref " + str
                + "(1000) NOT NULL, recorded_at_millis BIGINT NOT NULL, details " + text + " NOT NULL, CONSTRAINT "
                + PRIMARY_KEY + " PRIMARY KEY (id))";
    }
}
