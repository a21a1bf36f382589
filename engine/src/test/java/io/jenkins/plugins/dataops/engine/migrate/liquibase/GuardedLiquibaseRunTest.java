package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogSources;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Liquibase run (update, rollback, status) reads files through the same boundary as the fingerprint: a
 * changeset whose SQL file leaves the product's folder is refused naming the changeset and the path, and nothing
 * is applied or rolled back. Real Liquibase, real H2, the migrator used directly (no fingerprint before it).
 */
class GuardedLiquibaseRunTest {
    private static final String CHANGELOG = """
            databaseChangeLog:
              - changeSet:
                  id: 1-note
                  author: test
                  changes:
                    - createTable: { tableName: note, columns: [ { column: { name: id, type: INT } } ] }
              - changeSet:
                  id: 1-tag
                  author: test
                  changes:
                    - tagDatabase: { tag: '1.0.0' }
              - changeSet:
                  id: 2-shared
                  author: test
                  changes:
                    - sqlFile: { path: '%s', relativeToChangelogFile: true }
                  rollback:
                    - sqlFile: { path: '%s', relativeToChangelogFile: true }
            """;

    private final LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator();

    @TempDir
    private Path dir;

    private Path product;
    private Path outside;
    private DatabaseTarget target;

    @BeforeEach
    void createFolders() throws IOException {
        product = Files.createDirectories(dir.resolve("product"));
        outside = Files.createDirectories(dir.resolve("shared"));
        Files.createDirectories(product.resolve("db"));
        Files.writeString(product.resolve("db/create.sql"), "CREATE TABLE shared_note (id INT);\n");
        Files.writeString(product.resolve("db/drop.sql"), "DROP TABLE shared_note;\n");
        Files.writeString(outside.resolve("create.sql"), "CREATE TABLE shared_note (id INT);\n");
        Files.writeString(outside.resolve("drop.sql"), "DROP TABLE shared_note;\n");
        target = new DatabaseTarget(
                "dev", "jdbc:h2:file:" + dir.resolve("h2/dev").toAbsolutePath(), "sa", "");
    }

    @Test
    void shouldRefuseAnUpdateWhoseSqlFileLeavesTheProductAndApplyNothing() throws IOException, SQLException {
        MigrationRequest request = request("../../shared/create.sql", "drop.sql");

        assertThatThrownBy(() -> migrator.update(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2-shared::test'")
                .hasMessageContaining("shared/create.sql")
                .hasMessageContaining("lies outside the product's folder");
        assertThat(tables()).doesNotContain("NOTE", "SHARED_NOTE");
    }

    @Test
    void shouldRefuseAnUpdateThroughALinkOutOfTheProduct() throws IOException, SQLException {
        Files.createSymbolicLink(product.resolve("db/linked.sql"), outside.resolve("create.sql"));
        MigrationRequest request = request("linked.sql", "drop.sql");

        assertThatThrownBy(() -> migrator.update(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2-shared::test'")
                .hasMessageContaining("linked.sql")
                .hasMessageContaining("it resolves to");
        assertThat(tables()).doesNotContain("SHARED_NOTE");
    }

    @Test
    void shouldRefuseARollbackAndAStatusWhoseSqlFileLeavesTheProduct() throws IOException, SQLException {
        // Given everything applied with files inside the product
        migrator.update(request("create.sql", "drop.sql"));
        assertThat(tables()).contains("NOTE", "SHARED_NOTE");

        // When the rollback's file now points outside
        MigrationRequest rollback = request("create.sql", "../../shared/drop.sql", "1.0.0");

        // Then neither a rollback nor a status reads it
        assertThatThrownBy(() -> migrator.rollback(rollback))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2-shared::test'")
                .hasMessageContaining("shared/drop.sql")
                .hasMessageContaining("lies outside the product's folder");
        assertThat(tables()).as("nothing rolled back").contains("SHARED_NOTE");
        assertThatThrownBy(() -> migrator.status(request("../../shared/create.sql", "drop.sql")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2-shared::test'")
                .hasMessageContaining("shared/create.sql");
    }

    private MigrationRequest request(final String create, final String drop) throws IOException {
        return request(create, drop, null);
    }

    private MigrationRequest request(final String create, final String drop, final String tag) throws IOException {
        Path changelog = product.resolve("db/changelog.yaml");
        Files.writeString(changelog, CHANGELOG.formatted(create, drop));
        return new MigrationRequest(target, changelog, tag, false, false, ProgressListener.NONE)
                .withSources(new ChangeLogSources(changelog, product, List.of(), List.of()));
    }

    private List<String> tables() throws SQLException {
        try (Connection c = target.open();
                ResultSet rows = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
            return names;
        }
    }
}
