package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.Finding;
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
                        "Refusing to apply 1 changeset(s) without rollback to environment 'dev': " + BACKFILL + ".")
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
        assertThat(migrator.history(request(null)))
                .isEqualTo(((LiquibaseSchemaMigrator) migrator).liquibaseHistory(request(null)));
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
                .hasMessageContaining("the changesets before it stay applied");
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
    void shouldReportWhatAFailedChangeSetLeftBehindAndNotClaimARollbackThatDidNothing() throws IOException {
        // Given
        Path broken = write("leftovers.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-base
                      author: test
                      changes:
                        - createTable: { tableName: base_table, columns: [ { column: { name: id, type: INT } } ] }
                  - changeSet: { id: 2-tag, author: test, changes: [ { tagDatabase: { tag: baseline } } ] }
                  - changeSet:
                      id: 3-many-tables
                      author: test
                      changes:
                        - createTable: { tableName: left_one, columns: [ { column: { name: id, type: INT } } ] }
                        - createTable: { tableName: left_two, columns: [ { column: { name: id, type: INT } } ] }
                        - createIndex:
                            tableName: left_two
                            indexName: left_two_idx
                            columns: [ { column: { name: id } } ]
                        - addColumn: { tableName: base_table, columns: [ { column: { name: note, type: VARCHAR(20) } } ] }
                        - sql: { sql: "INSERT INTO no_such_table VALUES (1)" }
                      rollback:
                        - dropTable: { tableName: left_one }
                        - dropTable: { tableName: left_two }
                        - dropColumn: { tableName: base_table, columnName: note }
                """);
        migrator.update(request(broken, "baseline", false));

        // When / Then
        if (hasTransactionalDdl()) {
            assertThatThrownBy(() -> migrator.update(request(broken, null, false)))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("'leftovers.yaml::3-many-tables::test'")
                    .hasMessageContaining("rolled the failing changeset back whole");
            assertThat(migrator.status(request(broken, null, false)).findings())
                    .extracting(Finding::check)
                    .doesNotContain(Finding.DRIFT);
            assertThat(migrator.rollback(request(broken, "baseline", false)).changeSets())
                    .isEmpty();
            return;
        }
        assertThatThrownBy(() -> migrator.update(request(broken, null, false)))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Could not apply changeset 'leftovers.yaml::3-many-tables::test'")
                .hasMessageContaining("It left 4 object(s) behind, because H2 commits DDL at once: ")
                .hasMessageContaining("table LEFT_ONE")
                .hasMessageContaining("table LEFT_TWO")
                .hasMessageContaining("index LEFT_TWO_IDX")
                .hasMessageContaining("column BASE_TABLE.NOTE")
                .hasMessageContaining("status lists them as drift");
        MigrationStatus status = migrator.status(request(broken, null, false));
        assertThat(status.findings())
                .filteredOn(f -> Finding.DRIFT.equals(f.check()))
                .extracting(Finding::detail)
                .containsExactly(
                        "table LEFT_ONE exists already",
                        "table LEFT_TWO exists already",
                        "index LEFT_TWO_IDX exists already",
                        "column BASE_TABLE.NOTE exists already");
        assertThatThrownBy(() -> migrator.update(request(broken, null, false)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("1 changeset(s) whose objects exist already")
                .hasMessageContaining("Nothing was applied");
        assertThatThrownBy(() -> migrator.rollback(request(broken, "baseline", false)))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Rollback of environment 'dev' to tag 'baseline' has nothing to roll back")
                .hasMessageContaining("table LEFT_ONE exists already")
                .hasMessageContaining("nothing was rolled back");
    }

    @Test
    void shouldNameTheChangeSetTheDatabaseRejectsBeforeRunningAnything() throws IOException, SQLException {
        // Given
        Path invalid = write("invalid.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-fine
                      author: test
                      changes:
                        - createTable: { tableName: fine_table, columns: [ { column: { name: id, type: INT } } ] }
                  - changeSet:
                      id: 2-rejected
                      author: test
                      changes:
                        - dropTable: { cascadeConstraints: true }
                      rollback:
                        - createTable: { tableName: fine_table, columns: [ { column: { name: id, type: INT } } ] }
                """);

        // When
        MigrationStatus status = migrator.status(request(invalid, null, false));

        // Then
        assertThat(status.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Finding.INVALID);
            assertThat(f.changeSet()).isEqualTo("invalid.yaml::2-rejected::test");
            assertThat(f.detail()).contains("tableName is required");
        });
        assertThatThrownBy(() -> migrator.update(request(invalid, null, false)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("Refusing to apply 1 changeset(s) this database rejects to environment 'dev': "
                        + "invalid.yaml::2-rejected::test (tableName is required")
                .hasMessageNotContaining("1-fine");
        assertThat(tableExists("fine_table")).isFalse();
    }

    @Test
    void shouldNotBlameAPendingChangeSetWhenLiquibaseRefusesTheChangelog() throws IOException, SQLException {
        // Given: an applied changeset edited afterwards, so Liquibase's checksum validation refuses the run
        String original = """
                databaseChangeLog:
                  - changeSet:
                      id: 1-create
                      author: test
                      changes:
                        - createTable: { tableName: edited_table, columns: [ { column: { name: id, type: INT } } ] }
                """;
        Path file = write("edited.yaml", original);
        migrator.update(request(file, null, false));
        write("edited.yaml", original.replace("type: INT", "type: BIGINT") + """
                  - changeSet:
                      id: 2-innocent
                      author: test
                      changes:
                        - createTable: { tableName: innocent, columns: [ { column: { name: id, type: INT } } ] }
                """);

        // When / Then
        assertThatThrownBy(() -> migrator.update(request(file, null, false)))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining(
                        "Liquibase refused the changelog of environment 'dev' before running any changeset")
                .hasMessageContaining("edited.yaml::1-create::test")
                .hasMessageNotContaining("2-innocent");
        assertThat(tableExists("innocent")).isFalse();
    }

    @Test
    void shouldFlagMergesWholeTableDataChangesAndDroppedForeignKeysButNotAWideningInTheSameBatch() throws IOException {
        // Given
        Path file = write("batch.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-create
                      author: test
                      changes:
                        - createTable:
                            tableName: person
                            columns:
                              - column: { name: id, type: INT }
                              - column: { name: first_name, type: VARCHAR(50) }
                              - column: { name: last_name, type: VARCHAR(50) }
                              - column: { name: code, type: VARCHAR(40) }
                              - column: { name: counter, type: INT }
                  - changeSet:
                      id: 2-widen
                      author: test
                      changes:
                        - modifyDataType: { tableName: person, columnName: code, newDataType: VARCHAR(255) }
                        - modifyDataType: { tableName: person, columnName: counter, newDataType: BIGINT }
                        - renameColumn: { tableName: person, oldColumnName: code, newColumnName: ref, columnDataType: VARCHAR(255) }
                        - modifyDataType: { tableName: person, columnName: ref, newDataType: TEXT }
                  - changeSet:
                      id: 3-narrow
                      author: test
                      changes:
                        - modifyDataType: { tableName: person, columnName: counter, newDataType: SMALLINT }
                  - changeSet:
                      id: 4-merge
                      author: test
                      changes:
                        - mergeColumns:
                            tableName: person
                            column1Name: first_name
                            column2Name: last_name
                            finalColumnName: full_name
                            finalColumnType: VARCHAR(101)
                            joinString: " "
                  - changeSet:
                      id: 5-wipe
                      author: test
                      changes:
                        - delete: { tableName: person }
                        - update: { tableName: person, columns: [ { column: { name: counter, valueNumeric: 0 } } ] }
                        - delete: { tableName: person, where: "id = 1" }
                        - sql: { sql: "DELETE FROM person" }
                        - sql: { sql: "UPDATE person SET counter = 1 WHERE id = 2" }
                  - changeSet:
                      id: 6-foreign-keys
                      author: test
                      changes:
                        - dropAllForeignKeyConstraints: { baseTableName: person }
                """);

        // When
        MigrationStatus status = migrator.status(request(file, null, false));

        // Then
        assertThat(status.findings())
                .filteredOn(f -> Finding.DESTRUCTIVE.equals(f.check()))
                .extracting(f -> f.changeSet().replace("batch.yaml::", "").replace("::test", "") + ": " + f.detail())
                .containsExactly(
                        "3-narrow: narrowing type change of person.counter: BIGINT -> SMALLINT",
                        "4-merge: merge columns person.first_name and person.last_name into full_name (drops both)",
                        "5-wipe: delete of every row of person (no where)",
                        "5-wipe: update of every row of person (no where)",
                        "5-wipe: raw SQL that deletes every row: DELETE FROM person",
                        "6-foreign-keys: drop all foreign keys of person");
    }

    @Test
    void shouldReportEveryRefusalOfAHundredChangeSetsInOneRun() throws IOException, SQLException {
        // Given: 100 changesets; every 4th has no rollback, every 10th drops a table, one the database rejects
        StringBuilder yaml = new StringBuilder("databaseChangeLog:\n");
        int noRollback = 0;
        int destructive = 0;
        for (int i = 1; i <= 100; i++) {
            yaml.append("  - changeSet:\n      id: cs-%d\n      author: test\n      changes:\n".formatted(i));
            if (i == 77) {
                yaml.append("        - dropTable: { cascadeConstraints: true }\n");
                yaml.append("      rollback: [ { sql: { sql: \"SELECT 1\" } } ]\n");
            } else if (i % 10 == 0) {
                destructive++;
                yaml.append("        - dropTable: { tableName: t_%d }\n".formatted(i - 1));
                yaml.append(
                        "      rollback: [ { createTable: { tableName: t_%d, columns: [ { column: { name: id, type: INT } } ] } } ]\n"
                                .formatted(i - 1));
            } else if (i % 4 == 0) {
                noRollback++;
                yaml.append("        - sql: { sql: \"CREATE TABLE t_%d (id INT)\" }\n".formatted(i));
            } else {
                yaml.append(
                        "        - createTable: { tableName: t_%d, columns: [ { column: { name: id, type: INT } } ] }\n"
                                .formatted(i));
            }
        }
        Path file = write("hundred.yaml", yaml.toString());

        // When
        MigrationStatus status = migrator.status(request(file, null, false));

        // Then
        assertThat(status.pending()).hasSize(100);
        assertThat(status.findings()).hasSize(noRollback + destructive + 1);
        String expectedCounts = "Refusing to apply %d changeset(s) without rollback, %d destructive changeset(s) and 1 "
                        .formatted(noRollback, destructive)
                + "changeset(s) this database rejects to environment 'dev'";
        assertThatThrownBy(() -> migrator.update(request(file, null, false)))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining(expectedCounts)
                .hasMessageContaining("hundred.yaml::cs-4::test, hundred.yaml::cs-8::test")
                .hasMessageContaining("hundred.yaml::cs-96::test;")
                .hasMessageContaining("hundred.yaml::cs-100::test (drop table t_99)")
                .hasMessageContaining("hundred.yaml::cs-77::test (tableName is required")
                .hasMessageContaining("--allow-no-rollback")
                .hasMessageContaining("--allow-destructive");
        assertThat(changelogRows()).isZero();
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
        assertThat(history)
                .as("read with plain JDBC, the same as Liquibase reads it")
                .isEqualTo(((LiquibaseSchemaMigrator) migrator).liquibaseHistory(request(null)));
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
