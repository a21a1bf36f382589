package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.testing.TestChangelogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's own tables (lock and release history) keep out of the user's way: explicit {@code dataops_}
 * constraint names, an optional schema of their own, and an upgrade that renames what earlier versions created.
 */
abstract class AbstractStateTablesTest {
    @TempDir
    private Path dir;

    private DatabaseTarget target;

    /**
     * Returns a fresh, empty database for one test.
     *
     * @param dir a folder the test owns
     * @return the target
     */
    abstract DatabaseTarget freshDatabase(Path dir);

    @BeforeEach
    void createDatabase() {
        target = freshDatabase(dir);
    }

    @Test
    void shouldApplyAChangelogThatUsesTheNamesH2GeneratesAfterTheProductsTablesExist() throws SQLException {
        // Given
        createStateTables(target);
        Path changelog = TestChangelogs.copy("generated-names", dir.resolve("product"));

        // When
        MigrationResult result = new LiquibaseSchemaMigrator()
                .update(new MigrationRequest(target, changelog, "v1", false, false, ProgressListener.NONE));

        // Then
        assertThat(result.tagAfter()).isEqualTo("v1");
        assertThat(constraintNames("%")).contains("constraint_2", "constraint_d", "constraint_1");
    }

    @Test
    void shouldNameEveryConstraintOfTheProductsTablesWithTheDataopsPrefix() throws SQLException {
        // Given / When
        createStateTables(target);

        // Then
        assertThat(primaryKey(null, LockTable.TABLE)).isEqualTo(LockTable.PRIMARY_KEY);
        assertThat(primaryKey(null, ReleaseHistory.TABLE)).isEqualTo(ReleaseHistory.PRIMARY_KEY);
        assertThat(constraintNames("dataops%"))
                .allSatisfy(name -> assertThat(name).startsWith("dataops_"));
    }

    @Test
    void shouldRenameThePrimaryKeysThatAnEarlierVersionLeftUnnamed() throws SQLException {
        // Given: the tables as versions before the explicit names created them
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + LockTable.TABLE + " (id INT NOT NULL PRIMARY KEY, holder VARCHAR(400), "
                    + "holder_process VARCHAR(400), expires_at_millis BIGINT NOT NULL)");
            s.execute(ReleaseHistory.createTableSql(target.dialect(), ReleaseHistory.TABLE)
                    .replace(", CONSTRAINT " + ReleaseHistory.PRIMARY_KEY + " PRIMARY KEY (id)", ", PRIMARY KEY (id)"));
        }
        assertThat(primaryKey(null, LockTable.TABLE)).isNotEqualTo(LockTable.PRIMARY_KEY);

        // When
        createStateTables(target);

        // Then
        assertThat(primaryKey(null, LockTable.TABLE)).isEqualTo(LockTable.PRIMARY_KEY);
        assertThat(primaryKey(null, ReleaseHistory.TABLE)).isEqualTo(ReleaseHistory.PRIMARY_KEY);
        assertThat(new ReleaseHistory(target).list("customer")).hasSize(1);
    }

    @Test
    void shouldKeepTheProductsTablesInTheStateSchema() throws SQLException {
        // Given
        DatabaseTarget inSchema = target.withStateSchema("dataops_state");

        // When
        createStateTables(inSchema);

        // Then
        assertThat(primaryKey("dataops_state", LockTable.TABLE)).isEqualTo(LockTable.PRIMARY_KEY);
        assertThat(primaryKey("dataops_state", ReleaseHistory.TABLE)).isEqualTo(ReleaseHistory.PRIMARY_KEY);
        assertThat(primaryKey(null, ReleaseHistory.TABLE))
                .as("nothing in the default schema")
                .isNull();
        assertThat(new ReleaseHistory(inSchema).list("customer")).hasSize(1);
        assertThat(new ReleaseHistory(target).list("customer")).isEmpty();
    }

    private static void createStateTables(final DatabaseTarget target) {
        new ReleaseHistory(target)
                .append(new HistoryEntry(
                        0, "customer", "dev", "v0", "", "", "test", "passed", "alice", "cli", 1L, "{}"));
        try (EnvironmentLock lock = EnvironmentLock.acquire(
                target, "alice (test)", Duration.ofSeconds(5), Clock.systemUTC(), ProgressListener.NONE)) {
            assertThat(lock).isNotNull();
        }
    }

    private String primaryKey(final String schema, final String table) throws SQLException {
        try (Connection c = target.open()) {
            String inSchema = schema == null ? c.getSchema() : schema;
            for (String[] names : List.of(
                    new String[] {inSchema.toLowerCase(Locale.ROOT), table},
                    new String[] {inSchema.toUpperCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)})) {
                try (ResultSet keys = c.getMetaData().getPrimaryKeys(null, names[0], names[1])) {
                    if (keys.next()) {
                        return keys.getString("PK_NAME").toLowerCase(Locale.ROOT);
                    }
                }
            }
            return null;
        }
    }

    private List<String> constraintNames(final String tables) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = target.open();
                PreparedStatement s = c.prepareStatement("SELECT constraint_name FROM "
                        + "information_schema.table_constraints WHERE lower(constraint_type) <> 'check' AND "
                        + "lower(table_schema) = lower(current_schema) AND lower(table_name) LIKE ?")) {
            s.setString(1, tables);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
