package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.MigrationFailedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link SchemaMigrator} contract, run against a real database by each subclass: H2 and PostgreSQL.
 */
abstract class AbstractSchemaMigratorTest {
    private static final List<String> EXAMPLE_IDS = List.of(
            "1-create-customer",
            "2-seed-customer",
            "3-tag-1.0.0",
            "4-create-orders",
            "5-add-customer-segment",
            "6-seed-orders",
            "7-tag-1.1.0",
            "8-backfill-segment",
            "9-late-import",
            "10-tag-1.2.0",
            "11-remove-late-import",
            "12-rename-segment-to-tier",
            "13-tag-1.3.0");
    /** How many changesets the example has up to and including the tag of release 1.2.0. */
    private static final int RELEASE_1_2_0 = EXAMPLE_IDS.indexOf("10-tag-1.2.0") + 1;

    private static final String BACKFILL = "changelog.yaml::8-backfill-segment::dataops-example";

    private final SchemaMigrator migrator = new LiquibaseSchemaMigrator();

    @TempDir
    private Path dir;

    private DatabaseTarget target;
    private Path changelog;

    /**
     * Returns a fresh, empty database for one test.
     *
     * @param dir a folder the test owns
     * @return the target
     */
    abstract DatabaseTarget freshDatabase(Path dir);

    /**
     * Tells whether the database rolls DDL back with the failing changeset's transaction.
     *
     * @return true for PostgreSQL
     */
    abstract boolean hasTransactionalDdl();

    @BeforeEach
    void createDatabaseAndCopyTheExample() {
        target = freshDatabase(dir);
        changelog = ExampleProduct.copy("customer", dir.resolve("customer")).resolveSibling("db/changelog.yaml");
    }

    @Test
    void shouldListThePendingChangeSetsWithTagsAndRollbackFlags() throws SQLException {
        // Given / When
        MigrationStatus status = migrator.status(request(null));

        // Then
        assertThat(status.environment()).isEqualTo("dev");
        assertThat(status.currentTag()).isEmpty();
        assertThat(status.applied()).isZero();
        assertThat(status.pending()).extracting(ChangeSetInfo::id).containsExactlyElementsOf(EXAMPLE_IDS);
        assertThat(status.pending())
                .filteredOn(c -> !c.tag().isEmpty())
                .extracting(ChangeSetInfo::tag)
                .containsExactly("1.0.0", "1.1.0", "1.2.0", "1.3.0");
        assertThat(status.withoutRollback()).extracting(ChangeSetInfo::key).containsExactly(BACKFILL);
        assertThat(status.destructive()).isEmpty();
        assertThat(status.pending()).allSatisfy(c -> assertThat(c.checksum()).isNotBlank());
        assertThat(tableExists("databasechangelog"))
                .as("status creates no Liquibase table")
                .isFalse();
    }

    @Test
    void shouldLimitThePendingChangeSetsToATag() {
        // Given / When
        MigrationStatus status = migrator.status(request("1.0.0"));

        // Then
        assertThat(status.pending())
                .extracting(ChangeSetInfo::id)
                .containsExactly("1-create-customer", "2-seed-customer", "3-tag-1.0.0");
        assertThat(status.withoutRollback()).isEmpty();
    }

    @Test
    void shouldUpdateToOneReleaseAfterTheOther() throws SQLException {
        // Given
        MigrationResult first = migrator.update(request("1.0.0"));

        // When
        MigrationResult second = migrator.update(request("1.1.0"));

        // Then
        assertThat(first.tagBefore()).isEmpty();
        assertThat(first.tagAfter()).isEqualTo("1.0.0");
        assertThat(first.changeSets())
                .extracting(ChangeSetInfo::id)
                .containsExactlyElementsOf(EXAMPLE_IDS.subList(0, 3));
        assertThat(second.tagBefore()).isEqualTo("1.0.0");
        assertThat(second.tagAfter()).isEqualTo("1.1.0");
        assertThat(second.changeSets())
                .extracting(ChangeSetInfo::id)
                .containsExactlyElementsOf(EXAMPLE_IDS.subList(3, 7));
        assertThat(second.allowedNoRollback()).isEmpty();
        assertThat(count("customer")).isEqualTo(5);
        assertThat(count("orders")).isEqualTo(4);
        MigrationStatus status = migrator.status(request(null));
        assertThat(status.currentTag()).isEqualTo("1.1.0");
        assertThat(status.applied()).isEqualTo(7);
        assertThat(status.pending())
                .extracting(ChangeSetInfo::id)
                .containsExactlyElementsOf(EXAMPLE_IDS.subList(7, 13));
    }

    @Test
    void shouldApplyNothingWhenUpToDate() {
        // Given
        migrator.update(request("1.0.0"));

        // When
        MigrationResult again = migrator.update(request("1.0.0"));

        // Then
        assertThat(again.changeSets()).isEmpty();
        assertThat(again.tagBefore()).isEqualTo("1.0.0");
        assertThat(again.tagAfter()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRenderTheUpdateSqlWithoutChangingAnything() throws SQLException {
        // Given
        MigrationRequest request = request("1.1.0");

        // When
        String sql = migrator.updateSql(request);

        // Then
        assertThat(sql.toUpperCase(Locale.ROOT))
                .contains("CREATE TABLE", "CUSTOMER", "ORDERS")
                .doesNotContain("BACKFILL");
        assertThat(migrator.status(request(null)).pending()).hasSize(EXAMPLE_IDS.size());
        assertThat(tableExists("customer")).isFalse();
        assertThat(changelogRows()).isZero();
    }

    @Test
    void shouldRefuseAChangeSetWithoutRollbackAndApplyNothing() throws SQLException {
        // Given
        MigrationRequest request = request("1.2.0");

        // When / Then
        assertThatThrownBy(() -> migrator.update(request))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining(
                        "Refusing to apply 1 changeset(s) without rollback to environment 'dev': " + BACKFILL)
                .hasMessageContaining("Nothing was applied")
                .hasMessageContaining("--allow-no-rollback");
        assertThat(tableExists("customer")).isFalse();
        assertThat(changelogRows()).isZero();
    }

    @Test
    void shouldApplyAChangeSetWithoutRollbackWhenAllowed() throws SQLException {
        // Given
        MigrationRequest request = new MigrationRequest(target, changelog, "1.2.0", true, false, ProgressListener.NONE);

        // When
        MigrationResult result = migrator.update(request);

        // Then
        assertThat(result.tagAfter()).isEqualTo("1.2.0");
        assertThat(result.changeSets()).hasSize(RELEASE_1_2_0);
        assertThat(result.allowedNoRollback()).extracting(ChangeSetInfo::key).containsExactly(BACKFILL);
        assertThat(count("customer")).isEqualTo(6);
    }

    @Test
    void shouldRefuseDestructiveChangesUnlessAllowed() throws IOException, SQLException {
        // Given
        Path destructive = write("destructive.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-create
                      author: test
                      changes:
                        - createTable:
                            tableName: item
                            columns:
                              - column: { name: id, type: INT }
                              - column: { name: name, type: VARCHAR(200) }
                              - column: { name: note, type: VARCHAR(200) }
                              - column: { name: extra, type: VARCHAR(20) }
                        - createTable:
                            tableName: scratch
                            columns:
                              - column: { name: id, type: INT }
                  - changeSet: { id: 2-tag, author: test, changes: [ { tagDatabase: { tag: v1 } } ] }
                  - changeSet:
                      id: 3-widen
                      author: test
                      changes:
                        - modifyDataType: { tableName: item, columnName: note, newDataType: VARCHAR(400) }
                      rollback:
                        - modifyDataType: { tableName: item, columnName: note, newDataType: VARCHAR(200) }
                  - changeSet: { id: 4-tag, author: test, changes: [ { tagDatabase: { tag: v2 } } ] }
                  - changeSet:
                      id: 5-narrow
                      author: test
                      changes:
                        - modifyDataType: { tableName: item, columnName: name, newDataType: VARCHAR(10) }
                      rollback:
                        - modifyDataType: { tableName: item, columnName: name, newDataType: VARCHAR(200) }
                  - changeSet: { id: 6-tag, author: test, changes: [ { tagDatabase: { tag: v3 } } ] }
                  - changeSet:
                      id: 7-drop-column
                      author: test
                      changes:
                        - dropColumn: { tableName: item, columnName: extra }
                      rollback:
                        - addColumn: { tableName: item, columns: [ { column: { name: extra, type: VARCHAR(20) } } ] }
                  - changeSet: { id: 8-tag, author: test, changes: [ { tagDatabase: { tag: v4 } } ] }
                  - changeSet:
                      id: 9-drop-table
                      author: test
                      changes:
                        - dropTable: { tableName: scratch }
                      rollback:
                        - createTable: { tableName: scratch, columns: [ { column: { name: id, type: INT } } ] }
                  - changeSet: { id: 10-tag, author: test, changes: [ { tagDatabase: { tag: v5 } } ] }
                """);
        migrator.update(request(destructive, "v1", false));

        // When
        MigrationResult widened = migrator.update(request(destructive, "v2", false));

        // Then
        assertThat(widened.tagAfter()).as("widening is not destructive").isEqualTo("v2");
        assertRefused(
                destructive,
                "v3",
                "destructive.yaml::5-narrow::test (narrowing type change of item.name: ",
                "-> VARCHAR(10))");
        assertThat(migrator.update(request(destructive, "v3", true)).allowedDestructive())
                .extracting(ChangeSetInfo::id)
                .containsExactly("5-narrow");
        assertRefused(destructive, "v4", "destructive.yaml::7-drop-column::test (drop column item.extra)");
        migrator.update(request(destructive, "v4", true));
        assertRefused(destructive, "v5", "destructive.yaml::9-drop-table::test (drop table scratch)");
        assertThat(tableExists("scratch")).isTrue();
        migrator.update(request(destructive, "v5", true));
        assertThat(tableExists("scratch")).isFalse();
    }

    @Test
    void shouldRefuseRawSqlThatDropsATable() throws IOException {
        // Given
        Path raw = write("raw.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-drop
                      author: test
                      changes:
                        - sql: { sql: "DROP TABLE IF EXISTS nothing_here" }
                      rollback:
                        - sql: { sql: "CREATE TABLE nothing_here (id INT)" }
                """);

        // When / Then
        assertThatThrownBy(() -> migrator.update(request(raw, null, false)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("raw.yaml::1-drop::test (raw SQL that drops or truncates: DROP TABLE IF "
                        + "EXISTS nothing_here)");
    }

    @Test
    void shouldListTheAppliedTagsInTheOrderTheyWereApplied() {
        // Given
        List<String> before = migrator.appliedTags(request(null));
        migrator.update(request("1.1.0"));

        // When
        List<String> after = migrator.appliedTags(request(null));

        // Then
        assertThat(before).isEmpty();
        assertThat(after).containsExactly("1.0.0", "1.1.0");
        assertThat(after).isEqualTo(AppliedChangeSet.tagsOf(migrator.history(request(null))));
    }

    @Test
    void shouldRollBackToAnEarlierTag() throws SQLException {
        // Given
        migrator.update(request("1.1.0"));
        assertThat(tableExists("orders")).isTrue();

        // When
        MigrationResult result = migrator.rollback(request("1.0.0"));

        // Then
        assertThat(result.tagBefore()).isEqualTo("1.1.0");
        assertThat(result.tagAfter()).isEqualTo("1.0.0");
        assertThat(result.changeSets())
                .extracting(ChangeSetInfo::id)
                .containsExactly("7-tag-1.1.0", "6-seed-orders", "5-add-customer-segment", "4-create-orders");
        assertThat(tableExists("orders")).isFalse();
        assertThat(count("customer")).isEqualTo(5);
        MigrationStatus status = migrator.status(request(null));
        assertThat(status.currentTag()).isEqualTo("1.0.0");
        assertThat(status.applied()).isEqualTo(3);
    }

    @Test
    void shouldRollBackNothingWhenAlreadyAtTheTag() {
        // Given
        migrator.update(request("1.0.0"));

        // When
        MigrationResult result = migrator.rollback(request("1.0.0"));

        // Then
        assertThat(result.changeSets()).isEmpty();
        assertThat(result.tagAfter()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRefuseARollbackThroughAChangeSetWithoutRollbackAndChangeNothing() {
        // Given
        migrator.update(new MigrationRequest(target, changelog, "1.2.0", true, false, ProgressListener.NONE));

        // When / Then
        assertThatThrownBy(() -> migrator.rollback(request("1.1.0")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("Refusing to roll back environment 'dev' to tag '1.1.0': 1 changeset(s) in the "
                        + "way have no rollback: " + BACKFILL)
                .hasMessageContaining("Nothing was changed");
        assertThat(migrator.history(request(null))).hasSize(RELEASE_1_2_0);
        assertThat(migrator.status(request(null)).currentTag()).isEqualTo("1.2.0");
    }

    @Test
    void shouldRefuseATagTheChangelogDoesNotDeclare() {
        // Given
        MigrationRequest request = request("9.9.9");

        // When / Then
        assertThatThrownBy(() -> migrator.update(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Tag '9.9.9' is not declared in changelog")
                .hasMessageContaining("declared tags: [1.0.0, 1.1.0, 1.2.0, 1.3.0]");
        assertThatThrownBy(() -> migrator.status(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("declared tags: [1.0.0, 1.1.0, 1.2.0, 1.3.0]");
    }

    @Test
    void shouldRefuseARollbackToATagNeverApplied() {
        // Given
        migrator.update(request("1.0.0"));

        // When / Then
        assertThatThrownBy(() -> migrator.rollback(request("1.1.0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Tag '1.1.0' was never applied to environment 'dev'; applied tags: [1.0.0]");
        assertThatThrownBy(() -> migrator.rollback(request(null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Rollback of environment 'dev' needs a tag to go back to.");
    }

    @Test
    void shouldNameTheFailingChangeSetAndKeepTheOnesBeforeIt() throws IOException, SQLException {
        // Given
        Path broken = write("broken.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-create
                      author: test
                      changes:
                        - createTable: { tableName: first_table, columns: [ { column: { name: id, type: INT } } ] }
                  - changeSet:
                      id: 2-broken
                      author: test
                      changes:
                        - createTable: { tableName: half_table, columns: [ { column: { name: id, type: INT } } ] }
                        - sql: { sql: "INSERT INTO no_such_table VALUES (1)" }
                      rollback:
                        - dropTable: { tableName: half_table }
                  - changeSet:
                      id: 3-never
                      author: test
                      changes:
                        - createTable: { tableName: never_table, columns: [ { column: { name: id, type: INT } } ] }
                """);

        // When / Then
        assertThatThrownBy(() -> migrator.update(request(broken, null, false)))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Could not apply changeset 'broken.yaml::2-broken::test' on environment 'dev'")
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("Changesets before it stay as they are");
        assertThat(migrator.history(request(broken, null, false)))
                .extracting(AppliedChangeSet::id)
                .containsExactly("1-create");
        assertThat(tableExists("first_table")).isTrue();
        assertThat(tableExists("never_table")).isFalse();
        if (hasTransactionalDdl()) {
            assertThat(tableExists("half_table"))
                    .as("the failing changeset left nothing behind")
                    .isFalse();
        }
    }

    @Test
    void shouldListTheAppliedChangeSetsInOrder() {
        // Given
        migrator.update(request("1.1.0"));

        // When
        List<AppliedChangeSet> history = migrator.history(request(null));

        // Then
        assertThat(history).extracting(AppliedChangeSet::id).containsExactlyElementsOf(EXAMPLE_IDS.subList(0, 7));
        assertThat(history)
                .extracting(AppliedChangeSet::orderExecuted)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(history)
                .filteredOn(a -> !a.tag().isEmpty())
                .extracting(AppliedChangeSet::tag)
                .containsExactly("1.0.0", "1.1.0");
        assertThat(history).allSatisfy(a -> {
            assertThat(a.author()).isEqualTo("dataops-example");
            assertThat(a.file()).isEqualTo("changelog.yaml");
            assertThat(a.checksum()).isNotBlank();
            assertThat(a.execType()).isEqualTo("EXECUTED");
            assertThat(a.executedMillis()).isPositive();
        });
    }

    @Test
    void shouldRefuseAMalformedChangelog() throws IOException {
        // Given
        Path malformed = write("malformed.yaml", """
                databaseChangeLog:
                  - changeSet: [ id: 1, oops
                """);

        // When / Then
        assertThatThrownBy(() -> migrator.status(request(malformed, null, false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changelog '" + malformed + "' cannot be read");
    }

    private void assertRefused(final Path file, final String tag, final String... fragments) throws SQLException {
        int before = changelogRows();
        assertThatThrownBy(() -> migrator.update(request(file, tag, false)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("Refusing to apply 1 destructive changeset(s) to environment 'dev'")
                .hasMessageContaining(fragments[0])
                .hasMessageContaining(fragments[fragments.length - 1])
                .hasMessageContaining("--allow-destructive");
        assertThat(changelogRows()).as("nothing applied").isEqualTo(before);
    }

    private MigrationRequest request(final String tag) {
        return new MigrationRequest(target, changelog, tag, false, false, ProgressListener.NONE);
    }

    private MigrationRequest request(final Path file, final String tag, final boolean allowDestructive) {
        return new MigrationRequest(target, file, tag, false, allowDestructive, ProgressListener.NONE);
    }

    private Path write(final String name, final String yaml) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("changelogs"));
        return Files.writeString(folder.resolve(name), yaml);
    }

    private boolean tableExists(final String table) throws SQLException {
        try (Connection c = target.open()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : List.of(table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rows = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private int count(final String table) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private int changelogRows() throws SQLException {
        return tableExists("databasechangelog") ? count("databasechangelog") : 0;
    }
}
