package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.testing.TestChangelogs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import liquibase.change.custom.CustomSqlChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelogs that need more than their own folder: custom change classes from extension jars, and includes
 * written relative to a resource root (a search path).
 */
abstract class AbstractChangelogResourcesTest {
    private static final String CUSTOM_CLASS = "org.example.dataops.AddRealmSecret";

    private final LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator();

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
    void shouldNameTheChangeSetAndIncludedFileOfACustomChangeClassThatIsNotThere() throws SQLException {
        // Given
        Path changelog = TestChangelogs.copy("custom-change", dir.resolve("product"));
        MigrationRequest request = new MigrationRequest(target, changelog, null, true, false, ProgressListener.NONE);

        // When / Then
        assertThatThrownBy(() -> migrator.status(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "Changeset 'realm/realm-1.yaml::2-realm-secret::test' in file 'realm/realm-1.yaml' "
                                + "of changelog 'changelog.yaml' uses class '" + CUSTOM_CLASS + "': class not found")
                .hasMessageContaining("'extensions:' in the spec");
        assertThatThrownBy(() -> migrator.update(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("class not found");
        assertThat(count("realm_secret")).as("nothing applied").isEqualTo(-1);
    }

    @Test
    void shouldRunACustomChangeFromAnExtensionJar() throws IOException, SQLException {
        // Given
        Path changelog = TestChangelogs.copy("custom-change", dir.resolve("product"));
        Path extensions = Files.createDirectories(dir.resolve("product").resolve("extensions"));
        buildExtensionJar(extensions.resolve("realm-secret.jar"));
        MigrationRequest request = new MigrationRequest(target, changelog, null, true, false, ProgressListener.NONE)
                .withResources(List.of(), List.of(extensions));

        // When
        MigrationResult result = migrator.update(request);

        // Then
        assertThat(result.changeSets()).extracting(c -> c.id()).containsExactly("1-realm", "2-realm-secret");
        assertThat(count("realm_secret")).isEqualTo(1);
    }

    @Test
    void shouldResolveClasspathStyleIncludesThroughTheSearchPath() throws SQLException {
        // Given
        Path base = dir.resolve("product");
        TestChangelogs.copy("classpath-includes", base);
        Path root = base.resolve("src/main/resources");
        Path master = root.resolve("META-INF/master.yaml");
        MigrationRequest withoutSearchPath =
                new MigrationRequest(target, master, null, false, false, ProgressListener.NONE);

        // When
        MigrationResult result = migrator.update(withoutSearchPath.withResources(List.of(root), List.of()));

        // Then
        assertThat(result.tagAfter()).isEqualTo("v1");
        assertThat(migrator.history(withoutSearchPath))
                .extracting(AppliedChangeSet::file)
                .containsExactly("META-INF/parts/one.yaml", "META-INF/parts/two.yaml", "META-INF/parts/two.yaml");
        assertThat(count("part_two")).isZero();
    }

    @Test
    void shouldRefuseClasspathStyleIncludesWithoutTheSearchPath() {
        // Given
        Path base = dir.resolve("product");
        TestChangelogs.copy("classpath-includes", base);
        Path master = base.resolve("src/main/resources/META-INF/master.yaml");

        // When / Then
        assertThatThrownBy(() -> migrator.status(
                        new MigrationRequest(target, master, null, false, false, ProgressListener.NONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("META-INF/parts/one.yaml");
    }

    private int count(final String table) throws SQLException {
        try (Connection c = target.open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return -1; // no such table
        }
    }

    /** Compiles a tiny custom change against the real Liquibase jar and packs it, as a user's build would. */
    private void buildExtensionJar(final Path jar) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/org/example/dataops"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("AddRealmSecret.java"), """
                package org.example.dataops;

                import liquibase.database.Database;
                import liquibase.exception.ValidationErrors;
                import liquibase.resource.ResourceAccessor;
                import liquibase.statement.SqlStatement;
                import liquibase.statement.core.RawSqlStatement;

                public class AddRealmSecret implements liquibase.change.custom.CustomSqlChange {
                    public SqlStatement[] generateStatements(Database database) {
                        return new SqlStatement[] {new RawSqlStatement("INSERT INTO realm_secret (id) VALUES (1)")};
                    }
                    public String getConfirmationMessage() { return "secret added"; }
                    public void setUp() {}
                    public void setFileOpener(ResourceAccessor accessor) {}
                    public ValidationErrors validate(Database database) { return new ValidationErrors(); }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(
                null,
                null,
                null,
                "-classpath",
                liquibaseJar(),
                "-d",
                classes.toString(),
                sources.resolve("AddRealmSecret.java").toString());
        assertThat(status).as("the extension compiles").isZero();
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            Path compiled = classes.resolve("org/example/dataops/AddRealmSecret.class");
            jarOut.putNextEntry(new JarEntry("org/example/dataops/AddRealmSecret.class"));
            jarOut.write(Files.readAllBytes(compiled));
            jarOut.closeEntry();
        }
    }

    private static String liquibaseJar() {
        try {
            return Path.of(CustomSqlChange.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
