package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data tests only read: writing or file-touching SQL in a suite is refused before it runs, on real H2. */
class ReadOnlyDataTestsTest {
    @TempDir
    private Path dir;

    private ExampleProduct product;
    private DataOps dataOps;

    @BeforeEach
    void migrateDev() {
        product = ExampleProduct.onH2(dir);
        dataOps = new DataOps(
                SpecLoader.load(product.spec()),
                new Session("alice", "test", new MapCredentialsResolver(), ProgressListener.NONE, new MemoryLedger()));
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
    }

    private void addSqlCheck(final String query) throws IOException {
        Files.writeString(product.dir().resolve("checks/hostile.yaml"), """
                table: customer
                checks:
                  - sql:
                      name: hostile
                      query: "%s"
                """.formatted(query.replace("\"", "\\\"")));
    }

    private long customers() throws SQLException {
        DatabaseTarget dev = dataOps.target("dev");
        try (Connection c = dev.open();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM customer")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void shouldDeleteNothingThroughAnOldTableDeleteCheck() throws IOException, SQLException {
        // Given
        long before = customers();
        addSqlCheck("SELECT id FROM OLD TABLE (DELETE FROM customer)");

        // When / Then
        assertThatThrownBy(() -> dataOps.test(TestRequest.of("dev")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key 'query' must only read");
        assertThat(customers()).isEqualTo(before).isPositive();
    }

    @Test
    void shouldWriteNoFileThroughCsvWrite() throws IOException {
        // Given
        Path leaked = dir.resolve("leaked.csv");
        addSqlCheck("SELECT * FROM customer WHERE CSVWRITE('" + leaked + "', 'SELECT * FROM customer') > 0");

        // When / Then
        assertThatThrownBy(() -> dataOps.test(TestRequest.of("dev")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'CSVWRITE' reaches files");
        assertThat(leaked).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "SELECT id FROM customer WHERE status = 'delete and drop table customer'",
                "SELECT id AS \"update\" FROM customer WHERE 1 = 0"
            })
    void shouldNotMistakeLiteralsAndQuotedNamesForWrites(final String query) throws IOException {
        addSqlCheck(query);

        assertThat(dataOps.test(TestRequest.of("dev")).report().results()).isNotEmpty();
    }
}
