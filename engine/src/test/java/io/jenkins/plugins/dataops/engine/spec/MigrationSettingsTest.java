package io.jenkins.plugins.dataops.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec keys {@code searchPath}, {@code extensions} and {@code stateSchema}. */
class MigrationSettingsTest {
    private static final String HEAD = """
            product: customer
            changelog: db/changelog.yaml
            environments:
              dev: { provider: h2 }
            """;

    @TempDir
    private Path dir;

    @Test
    void shouldResolveSearchPathAndExtensionsInsideTheProductAndReadTheStateSchema() throws IOException {
        // Given
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("custom.jar"), new byte[] {1, 2, 3});
        Path file = write(HEAD + """
                searchPath: [src/main/resources]
                extensions: [lib, custom.jar]
                stateSchema: dataops_state
                """);

        // When
        MigrationSettings settings = SpecLoader.load(file).migration();

        // Then
        assertThat(settings.searchPath()).containsExactly(dir.resolve("src/main/resources"));
        assertThat(settings.extensions()).containsExactly(dir.resolve("lib"), dir.resolve("custom.jar"));
        assertThat(settings.stateSchema()).isEqualTo("dataops_state");
    }

    @Test
    void shouldDefaultToNoSearchPathNoExtensionsAndTheDefaultSchema() throws IOException {
        // Given / When
        MigrationSettings settings = SpecLoader.load(write(HEAD)).migration();

        // Then
        assertThat(settings).isEqualTo(MigrationSettings.DEFAULTS);
    }

    @Test
    void shouldRefusePathsOutsideTheProductMissingOnesAndAHostileSchemaAllAtOnce() throws IOException {
        // Given
        Path file = write(HEAD + """
                searchPath: [../elsewhere, missing]
                extensions: [notes.txt]
                stateSchema: "x; DROP TABLE customer"
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a jar");

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'searchPath' entry '../elsewhere' leaves the product's folder")
                .hasMessageContaining("'searchPath' entry 'missing' is not a folder")
                .hasMessageContaining("'extensions' entry 'notes.txt' is not a .jar file or a folder")
                .hasMessageContaining("'stateSchema' value 'x; DROP TABLE customer' must be a plain identifier");
    }

    private Path write(final String yaml) throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/changelog.yaml"), "databaseChangeLog: []\n");
        return Files.writeString(dir.resolve("dataops.yaml"), yaml);
    }
}
