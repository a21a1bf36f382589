package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogFiles;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release fingerprint covers what Liquibase really reads (real Liquibase parses each changelog): includes,
 * {@code includeAll}, {@code sqlFile}, {@code loadData} and {@code path} files, links that stay inside, and each
 * changeset's checksum; whatever would be read from outside the product is refused, naming the changeset.
 */
class FingerprintsTest {
    private static final String SPEC = """
            product: customer
            changelog: db/changelog.yaml
            environments:
              dev: { provider: h2 }
            """;

    private final SchemaMigrator migrator = new LiquibaseSchemaMigrator();

    @TempDir
    private Path dir;

    @TempDir
    private Path outside;

    @Test
    void shouldChangeTheFingerprintWhenAnSqlFileInsideTheFolderIsEdited() throws IOException {
        // Given
        write("db/sql/seed.sql", "INSERT INTO t VALUES (1);\n");
        write(
                "db/changelog.yaml",
                changeSet("1-seed", "sqlFile: { path: sql/seed.sql, relativeToChangelogFile: true }"));
        String before = fingerprint();

        // When
        write("db/sql/seed.sql", "INSERT INTO t VALUES (2);\n");

        // Then
        assertThat(fingerprint()).isNotEqualTo(before);
        assertThat(files().names()).containsExactly("db/changelog.yaml", "db/sql/seed.sql");
    }

    @Test
    void shouldCoverAnSqlFileBesideTheChangelogFolderThatStaysInTheProduct() throws IOException {
        // Given: the case the attack run found, '../shared/x.sql' (outside the changelog's folder, inside the product)
        write("shared/x.sql", "INSERT INTO t VALUES (1);\n");
        write(
                "db/changelog.yaml",
                changeSet("1-shared", "sqlFile: { path: ../shared/x.sql, relativeToChangelogFile: true }"));
        String tested = fingerprint();

        // When the shared file is edited after the tests passed
        write("shared/x.sql", "DELETE FROM t;\n");

        // Then the release is a different one
        assertThat(fingerprint()).isNotEqualTo(tested);
        assertThat(files().names()).contains("shared/x.sql");
    }

    @Test
    void shouldRefuseAnSqlFileOutsideTheProductNamingTheChangeSetAndThePath() throws IOException {
        // Given
        Files.writeString(outside.resolve("x.sql"), "DELETE FROM t;\n");
        String relative = dir.resolve("db").relativize(outside.resolve("x.sql")).toString();
        write(
                "db/changelog.yaml",
                changeSet("1-outside", "sqlFile: { path: '" + relative + "', relativeToChangelogFile: true }"));

        // When / Then
        assertThatThrownBy(this::fingerprint)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '1-outside::test' in file 'changelog.yaml'")
                .hasMessageContaining("x.sql")
                .hasMessageContaining("lies outside the product's folder")
                .hasMessageContaining("keep every file the changelog reads inside the product's folder");
    }

    @Test
    void shouldRefuseASymlinkedFolderOutOfTheProductNamingIt() throws IOException {
        // Given: db/linked points out of the product; an include and an sqlFile go through it
        Files.writeString(outside.resolve("x.sql"), "DELETE FROM t;\n");
        Files.createDirectories(dir.resolve("db"));
        Files.createSymbolicLink(dir.resolve("db/linked"), outside);
        write(
                "db/changelog.yaml",
                changeSet("2-linked", "sqlFile: { path: linked/x.sql, relativeToChangelogFile: true }"));

        // When / Then
        assertThatThrownBy(this::fingerprint)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2-linked::test' in file 'changelog.yaml'")
                .hasMessageContaining("linked")
                .hasMessageContaining("it resolves to '" + outside.toRealPath().resolve("x.sql") + "'");
    }

    @Test
    void shouldRefuseAnIncludeThroughALinkOutOfTheProduct() throws IOException {
        // Given
        Files.writeString(outside.resolve("part.yaml"), changeSet("3-foreign", "sql: { sql: DELETE FROM t }"));
        Files.createDirectories(dir.resolve("db"));
        Files.createSymbolicLink(dir.resolve("db/part.yaml"), outside.resolve("part.yaml"));
        write(
                "db/changelog.yaml",
                "databaseChangeLog:\n  - include: { file: part.yaml, relativeToChangelogFile: true }\n");

        // When / Then
        assertThatThrownBy(this::fingerprint)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changelog 'changelog.yaml' reads")
                .hasMessageContaining("part.yaml")
                .hasMessageContaining("lies outside the product's folder");
    }

    @Test
    void shouldAcceptAndFingerprintALinkThatStaysInside() throws IOException {
        // Given: db/common points to the product's own common/ folder
        write("common/x.sql", "INSERT INTO t VALUES (1);\n");
        Files.createDirectories(dir.resolve("db"));
        Files.createSymbolicLink(dir.resolve("db/common"), Path.of("../common"));
        write(
                "db/changelog.yaml",
                changeSet("1-common", "sqlFile: { path: common/x.sql, relativeToChangelogFile: true }"));
        String before = fingerprint();

        // When
        write("common/x.sql", "INSERT INTO t VALUES (2);\n");

        // Then: named by where it really is, and covered
        assertThat(files().names()).containsExactly("common/x.sql", "db/changelog.yaml");
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    @Test
    void shouldCoverLoadDataIncludeAllAndProcedurePathFiles() throws IOException {
        // Given
        write("db/data/customer.csv", "id,name\n1,Ada\n");
        write("db/proc/p.sql", "CREATE ALIAS P AS 'int p() { return 1; }';\n");
        write("db/all/01-a.yaml", changeSet("a", "sql: { sql: SELECT 1 }"));
        write("db/changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1-load
                      author: test
                      changes:
                        - loadData: { tableName: customer, file: data/customer.csv, relativeToChangelogFile: true }
                  - changeSet:
                      id: 2-proc
                      author: test
                      changes:
                        - createProcedure: { path: proc/p.sql, relativeToChangelogFile: true }
                  - includeAll: { path: all/, relativeToChangelogFile: true }
                """);
        String before = fingerprint();

        // When / Then: each file is read and each edit changes the release
        assertThat(files().names())
                .containsExactly("db/all/01-a.yaml", "db/changelog.yaml", "db/data/customer.csv", "db/proc/p.sql");
        assertThat(files().checksums())
                .containsKeys("changelog.yaml::1-load::test", "changelog.yaml::2-proc::test", "all/01-a.yaml::a::test");
        write("db/data/customer.csv", "id,name\n1,Grace\n");
        String afterCsv = fingerprint();
        write("db/proc/p.sql", "CREATE ALIAS P AS 'int p() { return 2; }';\n");
        String afterProc = fingerprint();
        write("db/all/01-a.yaml", changeSet("a", "sql: { sql: SELECT 2 }"));
        assertThat(afterCsv).isNotEqualTo(before);
        assertThat(afterProc).isNotEqualTo(afterCsv);
        assertThat(fingerprint()).isNotEqualTo(afterProc);
    }

    @Test
    void shouldIgnoreFilesTheChangelogDoesNotRead() throws IOException {
        // Given
        write("db/changelog.yaml", changeSet("1", "sql: { sql: SELECT 1 }"));
        String before = fingerprint();

        // When
        write("db/NOTES.md", "not part of the release\n");

        // Then
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldFingerprintTheExtensionJarsAndTheSearchPathWithTheRelease() throws IOException {
        // Given
        write("resources/META-INF/part.yaml", "databaseChangeLog: []\n");
        Files.write(dir.resolve("custom.jar"), new byte[] {1, 2, 3});
        write("db/changelog.yaml", "databaseChangeLog:\n  - include: { file: META-INF/part.yaml }\n");
        write("dataops.yaml", SPEC + "searchPath: [resources]\nextensions: [custom.jar]\n");
        String before = fingerprint();
        String checksumBefore = Fingerprints.changelogChecksum(spec(), migrator);

        // When
        Files.write(dir.resolve("custom.jar"), new byte[] {1, 2, 4});
        String afterJar = fingerprint();
        write("resources/META-INF/part.yaml", "databaseChangeLog: [ ]\n");

        // Then
        assertThat(afterJar).isNotEqualTo(before);
        assertThat(fingerprint()).isNotEqualTo(afterJar);
        assertThat(Fingerprints.changelogChecksum(spec(), migrator)).isNotEqualTo(checksumBefore);
        assertThat(files().names()).contains("resources/META-INF/part.yaml");
    }

    @Test
    void shouldRefuseACheckSuiteLinkedOutOfTheProduct() throws IOException {
        // Given
        write("db/changelog.yaml", changeSet("1", "sql: { sql: SELECT 1 }"));
        Files.writeString(outside.resolve("foreign.yaml"), "table: t\n");
        Files.createDirectories(dir.resolve("checks"));
        Files.createSymbolicLink(dir.resolve("checks/foreign.yaml"), outside.resolve("foreign.yaml"));

        // When / Then
        assertThatThrownBy(this::fingerprint)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Release file 'checks/foreign.yaml'")
                .hasMessageContaining("outside the product's folder");
    }

    @Test
    void shouldGiveTheExampleProductTheSameFingerprintInEveryCheckout() {
        // Given two checkouts in different folders
        DataProductSpec first =
                SpecLoader.load(ExampleProduct.onH2(dir.resolve("a/checkout")).spec());
        DataProductSpec second =
                SpecLoader.load(ExampleProduct.onH2(outside.resolve("b")).spec());

        // When / Then
        assertThat(Fingerprints.releaseFingerprint(first, migrator))
                .isEqualTo(Fingerprints.releaseFingerprint(second, migrator))
                .hasSize(64);
        assertThat(Fingerprints.changelogChecksum(first, migrator))
                .isEqualTo(Fingerprints.changelogChecksum(second, migrator));
    }

    private String fingerprint() {
        return Fingerprints.releaseFingerprint(spec(), migrator);
    }

    private ChangeLogFiles files() {
        return migrator.readChangeLog(Fingerprints.sources(spec()));
    }

    private DataProductSpec spec() {
        if (!Files.exists(dir.resolve("dataops.yaml"))) {
            write("dataops.yaml", SPEC);
        }
        return SpecLoader.load(dir.resolve("dataops.yaml"));
    }

    private static String changeSet(final String id, final String change) {
        return """
                databaseChangeLog:
                  - changeSet:
                      id: %s
                      author: test
                      changes:
                        - %s
                """.formatted(id, change);
    }

    private void write(final String name, final String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
