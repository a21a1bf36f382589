package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment whose JDBC URL sets {@code ?currentSchema=}: migrate, test and drift work in that schema alike,
 * a same-named table of {@code public} is never touched, and the product's own tables stay in the connection's
 * schema or in the spec's state schema.
 */
class CurrentSchemaITest {
    private final MemoryLedger ledger = new MemoryLedger(Clock.systemUTC());

    @TempDir
    private Path dir;

    private ExampleProduct product;
    private String database;

    @BeforeEach
    void provisionTheExampleWithTheSchemaSalesInItsUrl() {
        product = ExampleProduct.onPostgres(dir, "cs" + System.nanoTime());
        Matcher name = Pattern.compile("database: (\\S+)").matcher(product.readSpec());
        assertThat(name.find()).isTrue();
        database = name.group(1);
        product.writeSpec(product.readSpec().replaceFirst("(url: [^\\n]*)", "$1?currentSchema=sales"));
        open().provision(ProvisionRequest.of("dev"));
    }

    @Test
    void shouldMigrateTestAndCheckDriftInTheSchemaOfTheUrl() throws SQLException {
        // Given schema sales, and in public a look-alike customer table of a sample database
        execute("CREATE SCHEMA sales");
        execute("CREATE TABLE public.customer (id BIGINT, note TEXT)");

        // When
        MigrateResult migrate = open().migrate(MigrateRequest.of("dev").withAllowNoRollback(true));
        TestResult test = open().test(TestRequest.of("dev"));
        DriftResult drift = open().drift(DriftRequest.of("dev"));

        // Then everything happened in sales, and public kept only its own table
        assertThat(migrate.release()).isEqualTo("1.3.0");
        assertThat(tablesIn("sales"))
                .contains("customer", "orders", "databasechangelog", "dataops_release_history", "dataops_lock");
        assertThat(tablesIn("public")).containsExactly("customer");
        assertThat(test.report().worstStatus()).isEqualTo(CheckStatus.PASS);
        assertThat(test.release()).isEqualTo("1.3.0");
        assertThat(drift.isDrifted()).as(drift.toMap().toString()).isFalse();
        assertThat(open().history(HistoryRequest.of("dev")).releases())
                .extracting(e -> e.action())
                .containsExactly("migrate", "test");
    }

    @Test
    void shouldKeepTheProductsTablesInTheStateSchemaAndLiquibasesInTheUrlsSchema() throws SQLException {
        // Given a state schema in the spec as well
        product.writeSpec(product.readSpec() + "stateSchema: dataops_state\n");
        execute("CREATE SCHEMA sales");

        // When
        open().migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        TestResult test = open().test(TestRequest.of("dev"));

        // Then
        assertThat(test.report().worstStatus()).isEqualTo(CheckStatus.PASS);
        assertThat(tablesIn("sales")).contains("customer", "databasechangelog").doesNotContain("dataops_lock");
        assertThat(tablesIn("dataops_state")).contains("dataops_lock", "dataops_release_history");
        assertThat(tablesIn("public")).isEmpty();
    }

    @Test
    void shouldRefuseASchemaOfTheUrlThatDoesNotExistBeforeChangingAnything() throws SQLException {
        // Given no schema sales in the database

        // When / Then migrate and test both name the schema and say what to do
        assertThatThrownBy(() -> open().migrate(MigrateRequest.of("dev").withTag("1.0.0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("currentSchema=sales")
                .hasMessageContaining("CREATE SCHEMA");
        assertThatThrownBy(() -> open().test(TestRequest.of("dev")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("currentSchema=sales");
        assertThat(tablesIn("public")).isEmpty();
        List<GovernanceRecord> records = ledger.records();
        assertThat(records.get(records.size() - 1).event().outcome()).isNotEqualTo("intent");
    }

    private void execute(final String sql) throws SQLException {
        try (Connection c = PostgresServer.get().connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> tablesIn(final String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = PostgresServer.get().connect(database);
                ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private DataOps open() {
        return new DataOps(
                SpecLoader.load(product.spec()),
                new Session(
                        "alice",
                        "build-7",
                        ExampleProduct.credentials(),
                        ProgressListener.NONE,
                        ledger,
                        Clock.systemUTC()));
    }
}
