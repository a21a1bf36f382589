package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases through the facade: an untagged migration gets a name and is recorded; a tag the changelog does not
 * declare is bad input that records nothing; the product's tables go into the spec's state schema.
 */
abstract class AbstractReleaseNamesTest {
    private static final String UNTAGGED = """
            databaseChangeLog:
              - changeSet:
                  id: 1-first
                  author: test
                  changes:
                    - createTable: { tableName: first_table, columns: [ { column: { name: id, type: INT } } ] }
              - changeSet:
                  id: 2-second
                  author: test
                  changes:
                    - createTable: { tableName: second_table, columns: [ { column: { name: id, type: INT } } ] }
            """;

    private final MemoryLedger ledger = new MemoryLedger(Clock.systemUTC());

    @TempDir
    private Path dir;

    private ExampleProduct product;

    /**
     * Copies the example product with its environments on the database under test.
     *
     * @param dir the product's folder
     * @return the product
     */
    abstract ExampleProduct product(Path dir);

    @BeforeEach
    void copyTheProduct() {
        product = product(dir);
    }

    @Test
    void shouldNameAnUntaggedReleaseAfterItsLastChangeSetRecordItAndRollBackToIt() throws IOException {
        // Given: the example's changelog replaced, and its checks (for tables it no longer has) removed
        Files.writeString(product.dir().resolve("db/changelog.yaml"), UNTAGGED);
        try (Stream<Path> checks = Files.list(product.dir().resolve("checks"))) {
            for (Path suite : checks.toList()) {
                Files.delete(suite);
            }
        }
        DataOps dataOps = open();
        dataOps.provision(ProvisionRequest.of("dev"));

        // When
        MigrateResult first = dataOps.migrate(MigrateRequest.of("dev"));
        Files.writeString(product.dir().resolve("db/changelog.yaml"), UNTAGGED + """
                  - changeSet:
                      id: 3-third
                      author: test
                      changes:
                        - createTable: { tableName: third_table, columns: [ { column: { name: id, type: INT } } ] }
                """);
        MigrateResult second = open().migrate(MigrateRequest.of("dev"));

        // Then
        assertThat(first.release()).isEqualTo("2-second");
        assertThat(second.release()).isEqualTo("3-third");
        HistoryResult history = open().history(HistoryRequest.of("dev"));
        assertThat(history.releases())
                .filteredOn(e -> "migrate".equals(e.action()))
                .extracting(HistoryEntry::release)
                .containsExactly("2-second", "3-third");
        // the intent is written before the release has a name; its outcome names it
        assertThat(ledger.records())
                .filteredOn(r -> "migrate".equals(r.event().action()))
                .filteredOn(r -> !"intent".equals(r.event().outcome()))
                .extracting(r -> r.event().release())
                .containsExactly("2-second", "3-third");
        RollbackResult back = open().rollback(RollbackRequest.of("dev"));
        assertThat(back.toRelease()).isEqualTo("2-second");
        assertThat(open().status(StatusRequest.of("dev")).status().pending())
                .extracting(c -> c.id())
                .containsExactly("3-third");
    }

    @Test
    void shouldTreatATagTheChangelogDoesNotDeclareAsBadInputAndRecordNothing() {
        // Given
        DataOps dataOps = open();
        dataOps.provision(ProvisionRequest.of("dev"));
        int records = ledger.records().size();

        // When / Then
        assertThatThrownBy(() -> dataOps.migrate(MigrateRequest.of("dev").withTag("9.9.9")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Tag '9.9.9' is not declared");
        assertThat(dataOps.history(HistoryRequest.of("dev")).releases()).isEmpty();
        assertThat(ledger.records()).hasSize(records);
    }

    @Test
    void shouldListEveryFindingInTheStatusThatBothFrontEndsShow() {
        // Given
        DataOps dataOps = open();
        dataOps.provision(ProvisionRequest.of("dev"));

        // When
        Map<String, Object> status = dataOps.status(StatusRequest.of("dev")).toMap();

        // Then
        assertThat(status.get("findings"))
                .isEqualTo(List.of(Map.of(
                        "check", "no-rollback",
                        "changeSet", "changelog.yaml::8-backfill-segment::dataops-example",
                        "detail", "")));
    }

    @Test
    void shouldKeepTheProductsTablesInTheStateSchemaOfTheSpec() throws SQLException {
        // Given
        product.writeSpec(product.readSpec() + "stateSchema: dataops_state\n");
        DataOps dataOps = open();
        dataOps.provision(ProvisionRequest.of("dev"));

        // When
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));

        // Then
        DatabaseTarget target = dataOps.target("dev");
        assertThat(target.stateSchema()).isEqualTo("dataops_state");
        assertThat(new ReleaseHistory(target).list("customer"))
                .extracting(HistoryEntry::release)
                .containsExactly("1.0.0");
        try (Connection c = target.open();
                ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            boolean inState = false;
            boolean inDefault = false;
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(ReleaseHistory.TABLE)) {
                    boolean state = "dataops_state".equalsIgnoreCase(tables.getString("TABLE_SCHEM"));
                    inState |= state;
                    inDefault |= !state;
                }
            }
            assertThat(inState).as("history in the state schema").isTrue();
            assertThat(inDefault).as("history in the default schema").isFalse();
        }
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
