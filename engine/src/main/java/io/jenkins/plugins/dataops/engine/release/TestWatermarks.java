package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The watermarks of incremental data-test suites ({@value #TABLE}), kept in the environment's own database next
 * to the release history, one row per product and suite. A row says from which value of its column the next run
 * of the suite may check only the changed rows, and which passing run (a ledger record) set it, so the engine can
 * refuse a row written by anyone else. Created when absent, like the history table; rewritten in one transaction,
 * so a killed run leaves the previous watermarks.
 */
public final class TestWatermarks {
    /** The table name. */
    public static final String TABLE = "dataops_test_watermark";

    /** The name of its primary key. */
    public static final String PRIMARY_KEY = "dataops_test_watermark_pk";

    private static final String COLUMNS = "product, suite, column_name, watermark, suite_checksum, release_tag, "
            + "base_sequence, ledger_sequence, ledger_hash, recorded_at_millis";

    private final DatabaseTarget target;
    private final String table;

    /**
     * Creates the watermarks of one environment.
     *
     * @param target the environment's database
     */
    public TestWatermarks(final DatabaseTarget target) {
        this.target = Objects.requireNonNull(target, "target");
        this.table = StateTables.qualified(target, TABLE);
    }

    /**
     * One suite's watermark.
     *
     * @param suite          the suite name
     * @param column         the incremental column it was measured on
     * @param watermark      the newest value of that column the run saw, as text
     * @param suiteChecksum  the SHA-256 of the suite file that ran
     * @param release        the release the environment ran
     * @param baseSequence   the ledger record of the full run the chain of incremental runs started from
     * @param ledgerSequence the ledger record of the passing run that set it
     * @param ledgerHash     that record's hash
     * @param recordedAt     when it was set (epoch milliseconds)
     */
    public record Mark(
            String suite,
            String column,
            String watermark,
            String suiteChecksum,
            String release,
            long baseSequence,
            long ledgerSequence,
            String ledgerHash,
            long recordedAt) {}

    /**
     * Reads the watermarks of a product; none when the table does not exist (no incremental run passed yet).
     *
     * @param product the data product
     * @return suite name to watermark
     * @throws DataOpsException when the table exists but cannot be read
     */
    public Map<String, Mark> read(final String product) {
        try (Connection connection = target.open()) {
            if (!StateTables.exists(connection, target, TABLE)) {
                return Map.of();
            }
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE product = ?")) {
                query.setString(1, product);
                Map<String, Mark> marks = new LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Mark mark = new Mark(
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                rows.getLong(7),
                                rows.getLong(8),
                                rows.getString(9),
                                rows.getLong(10));
                        marks.put(mark.suite(), mark);
                    }
                }
                return marks;
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Replaces the watermarks of some suites, all or none, creating the table first if needed.
     *
     * @param product the data product
     * @param marks   the new watermarks
     * @throws DataOpsException when the login may not create or write the table
     */
    public void save(final String product, final List<Mark> marks) {
        try (Connection connection = target.open()) {
            ensureTable(connection);
            connection.setAutoCommit(false);
            try {
                for (Mark mark : marks) {
                    write(connection, product, mark);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private void write(final Connection connection, final String product, final Mark mark) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + table + " WHERE product = ? AND suite = ?")) {
            delete.setString(1, product);
            delete.setString(2, mark.suite());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, product);
            insert.setString(2, mark.suite());
            insert.setString(3, mark.column());
            insert.setString(4, mark.watermark());
            insert.setString(5, mark.suiteChecksum());
            insert.setString(6, mark.release());
            insert.setLong(7, mark.baseSequence());
            insert.setLong(8, mark.ledgerSequence());
            insert.setString(9, mark.ledgerHash());
            insert.setLong(10, mark.recordedAt());
            insert.executeUpdate();
        }
    }

    private void ensureTable(final Connection connection) throws SQLException {
        if (StateTables.exists(connection, target, TABLE)) {
            return;
        }
        StateTables.create(connection, target, TABLE, createTableSql(target.dialect(), table));
    }

    static String createTableSql(final Dialect dialect, final String table) {
        String str = dialect == Dialect.SQLSERVER ? "NVARCHAR" : "VARCHAR";
        return "CREATE TABLE " + table + " (product " + str + "(200) NOT NULL, suite " + str
                + "(200) NOT NULL, column_name " + str + "(200) NOT NULL, watermark " + str
                + "(100) NOT NULL, suite_checksum " + str + "(64) NOT NULL, release_tag " + str
                + "(200) NOT NULL, base_sequence BIGINT NOT NULL, ledger_sequence BIGINT NOT NULL, ledger_hash " + str
                + "(64) NOT NULL, recorded_at_millis BIGINT NOT NULL, CONSTRAINT " + PRIMARY_KEY
                + " PRIMARY KEY (product, suite))";
    }

    private DataOpsException failure(final String what, final SQLException e) {
        return new DataOpsException(
                "Cannot %s the data-test watermarks (%s) of environment '%s': %s"
                        .formatted(
                                what,
                                TABLE,
                                target.environment(),
                                SecretScrubber.scrub(String.valueOf(e.getMessage()), target.password())),
                e);
    }
}
