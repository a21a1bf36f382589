package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a changeset points to are part of the release that was tested: through the facade on the example
 * product, real Liquibase and real H2.
 */
class ReleaseFilesTest {
    private static final String TAG_CHANGESET = "  - changeSet:\n      id: 3-tag-1.0.0";

    @TempDir
    private Path dir;

    @TempDir
    private Path outside;

    private ExampleProduct product;
    private MemoryLedger ledger;

    @BeforeEach
    void provision() {
        product = ExampleProduct.onH2(dir);
        ledger = new MemoryLedger();
        for (String env : List.of("dev", "qat")) {
            dataOps().provision(ProvisionRequest.of(env));
        }
    }

    @Test
    void shouldRefuseToPromoteWhenASharedSqlFileWasEditedAfterTheTestsPassed() throws IOException {
        // Given 1.0.0 with a changeset whose SQL lives in '../shared/x.sql', migrated and tested in dev
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/x.sql"), "CREATE TABLE shared_note (id INT);\n");
        addChangeSet("../shared/x.sql");
        dataOps().migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        assertThat(dataOps().test(TestRequest.of("dev")).breached()).isFalse();

        // When the shared file is edited after the tests passed
        Files.writeString(dir.resolve("shared/x.sql"), "CREATE TABLE shared_note (id INT); DELETE FROM customer;\n");

        // Then the release is not the one that was tested, and qat gets nothing
        assertThatThrownBy(() -> dataOps().promote(PromoteRequest.of("1.0.0", "dev", "qat")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("the changelog or checks changed since");
        assertThat(dataOps().history(HistoryRequest.of("qat")).changeSets()).isEmpty();
    }

    @Test
    void shouldRefuseUpFrontAMigrationThatReadsAFileOutsideTheProduct() throws IOException {
        // Given a changeset whose SQL file lies outside the product's folder
        Files.writeString(outside.resolve("x.sql"), "CREATE TABLE shared_note (id INT);\n");
        addChangeSet(dir.resolve("db").relativize(outside.resolve("x.sql")).toString());

        // When / Then: refused before anything is applied, naming the changeset and the path
        assertThatThrownBy(() -> dataOps().migrate(MigrateRequest.of("dev").withTag("1.0.0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2b-shared-note::test' in file 'changelog.yaml'")
                .hasMessageContaining("x.sql")
                .hasMessageContaining("lies outside the product's folder");
        assertThat(dataOps().history(HistoryRequest.of("dev")).changeSets()).isEmpty();
        assertThatThrownBy(() -> dataOps().status(StatusRequest.of("dev")))
                .as("status refuses the same way")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Changeset '2b-shared-note::test' in file 'changelog.yaml'")
                .hasMessageContaining("lies outside the product's folder");
    }

    private void addChangeSet(final String sqlFile) throws IOException {
        Path changelog = dir.resolve("db/changelog.yaml");
        String text = Files.readString(changelog);
        assertThat(text).contains(TAG_CHANGESET);
        Files.writeString(changelog, text.replace(TAG_CHANGESET, """
                  - changeSet:
                      id: 2b-shared-note
                      author: test
                      changes:
                        - sqlFile: { path: '%s', relativeToChangelogFile: true }
                      rollback:
                        - sql: { sql: DROP TABLE shared_note }
                """.formatted(sqlFile) + TAG_CHANGESET));
    }

    private DataOps dataOps() {
        return new DataOps(
                SpecLoader.load(product.spec()),
                new Session(
                        "alice",
                        "test",
                        new MapCredentialsResolver(),
                        ProgressListener.NONE,
                        ledger,
                        Clock.systemUTC()));
    }
}
