package io.jenkins.plugins.dataops.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.drift.DriftFinding.Change;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.release.EnvironmentLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift check against a real database, run by each subclass on H2 and on PostgreSQL: an environment migrated
 * with the test changelog, then changed out of band.
 */
abstract class AbstractDriftDetectorTest {
    private final DriftDetector detector = new DriftDetector(new LiquibaseChangeLogAuditor());

    @TempDir
    private Path dir;

    private DatabaseTarget target;
    private Path changelog;

    abstract DatabaseTarget freshDatabase(Path dir);

    /** @return the SQL that changes a column's type by hand in this dialect */
    abstract String widenStatusColumn();

    @BeforeEach
    void migrateTheTestSchema() throws IOException {
        target = freshDatabase(dir);
        changelog = dir.resolve("db").resolve("changelog.yaml");
        Files.createDirectories(changelog.getParent());
        try (InputStream in = getClass().getResourceAsStream("/drift/changelog.yaml")) {
            Files.copy(in, changelog);
        }
        new LiquibaseSchemaMigrator().update(request());
        // DataOps' own tables are in every environment and never drift.
        EnvironmentLock.acquire(target, "test", Duration.ofSeconds(5), Clock.systemUTC(), ProgressListener.NONE)
                .close();
    }

    @Test
    void shouldReportNoDriftForAnEnvironmentThatMatchesItsChangelog() {
        DriftReport report = detector.check(request());

        assertThat(report.findings()).isEmpty();
        assertThat(report.isDrifted()).isFalse();
        assertThat(report.release()).isEqualTo("1.0.0");
        assertThat(report.replayed()).isEqualTo(3);
    }

    @Test
    void shouldReportAColumnAddedByHandWithItsLiveDefinition() throws SQLException {
        execute("ALTER TABLE child ADD COLUMN notes VARCHAR(200)");

        DriftReport report = detector.check(request());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("column");
            assertThat(f.name()).isEqualToIgnoringCase("child.notes");
            assertThat(f.change()).isEqualTo(Change.ADDED);
            assertThat(f.expected()).isEmpty();
            assertThat(f.live()).containsPattern("(?i)(varchar|character varying)\\(200\\) NULL");
        });
    }

    @Test
    void shouldReportADroppedIndexWithItsExpectedDefinition() throws SQLException {
        execute("DROP INDEX idx_child_name");

        DriftReport report = detector.check(request());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("index");
            assertThat(f.name()).isEqualToIgnoringCase("child(name)");
            assertThat(f.change()).isEqualTo(Change.REMOVED);
            assertThat(f.expected()).isEqualToIgnoringCase("INDEX ON child(name) (idx_child_name)");
            assertThat(f.live()).isEmpty();
        });
    }

    @Test
    void shouldReportAChangedTypeWithExpectedAndLiveValues() throws SQLException {
        execute(widenStatusColumn());

        DriftReport report = detector.check(request());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualToIgnoringCase("child.status");
            assertThat(f.change()).isEqualTo(Change.CHANGED);
            assertThat(f.expected()).contains("(10) NULL DEFAULT");
            assertThat(f.live()).contains("(50) NULL DEFAULT");
        });
    }

    @Test
    void shouldReportAViewCreatedByHandWithItsQuery() throws SQLException {
        execute("CREATE VIEW parent_codes AS SELECT code FROM parent");

        DriftReport report = detector.check(request());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("view");
            assertThat(f.name()).isEqualToIgnoringCase("parent_codes");
            assertThat(f.change()).isEqualTo(Change.ADDED);
            assertThat(f.live().toLowerCase(Locale.ROOT)).contains("code").contains("parent");
        });
    }

    @Test
    void shouldReportDroppedKeysUniqueConstraintsViewsAndSequences() throws SQLException {
        execute("DROP VIEW child_names");
        execute("ALTER TABLE child DROP CONSTRAINT fk_child_parent");
        execute("ALTER TABLE parent DROP CONSTRAINT uq_parent_code");
        execute("DROP SEQUENCE ticket_seq");

        DriftReport report = detector.check(request());

        assertThat(report.findings())
                .filteredOn(f -> f.change() == Change.REMOVED)
                .extracting(DriftFinding::kind)
                .contains("view", "foreign key", "unique", "sequence");
        assertThat(report.findings())
                .filteredOn(f -> f.kind().equals("foreign key"))
                .singleElement()
                .satisfies(f -> assertThat(f.expected()).containsIgnoringCase("REFERENCES parent(id)"));
    }

    @Test
    void shouldReportAnEditedAppliedChangeSetWithBothChecksums() throws IOException {
        Files.writeString(changelog, Files.readString(changelog).replace("VARCHAR(100)", "VARCHAR(120)"));

        DriftReport report = detector.check(request());

        assertThat(report.findings())
                .filteredOn(f -> f.change() == Change.CHECKSUM_CHANGED)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.name()).isEqualTo("changelog.yaml::2-child::test");
                    assertThat(f.expected()).startsWith("9:").isNotEqualTo(f.live());
                    assertThat(f.live()).startsWith("9:");
                });
        assertThat(report.findings())
                .filteredOn(f -> f.kind().equals("column"))
                .singleElement()
                .satisfies(f -> assertThat(f.expected()).contains("(120)"));
    }

    @Test
    void shouldReportAnAppliedChangeSetTheChangelogNoLongerDeclares() throws IOException {
        String text = Files.readString(changelog);
        Files.writeString(changelog, text.substring(0, text.indexOf("  - changeSet:\n      id: 3-tag")));

        DriftReport report = detector.check(request());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.change()).isEqualTo(Change.NOT_IN_CHANGELOG);
            assertThat(f.name()).isEqualTo("changelog.yaml::3-tag::test");
            assertThat(f.live()).startsWith("9:");
        });
    }

    @Test
    void shouldChangeNothingInTheInspectedEnvironment() throws SQLException, IOException {
        execute("ALTER TABLE child ADD COLUMN notes VARCHAR(200)");
        Files.writeString(changelog, Files.readString(changelog).replace("VARCHAR(100)", "VARCHAR(120)"));
        SchemaSnapshot before = DriftDetector.snapshot(target);
        List<String> changelogRowsBefore = changelogRows();

        detector.check(request());

        assertThat(DriftDetector.snapshot(target).objects()).isEqualTo(before.objects());
        assertThat(changelogRows()).isEqualTo(changelogRowsBefore);
        assertThat(ownTables()).containsExactlyInAnyOrder("databasechangelog", "databasechangeloglock", "dataops_lock");
    }

    @Test
    void shouldNameTheChangelogThatCannotBeParsed() throws IOException {
        Files.writeString(changelog, "databaseChangeLog:\n  - changeSet: [not, a, changeset\n");

        assertThatThrownBy(() -> detector.check(request()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changelog.yaml");
    }

    DatabaseTarget target() {
        return target;
    }

    MigrationRequest request() {
        return request(target);
    }

    MigrationRequest request(final DatabaseTarget on) {
        return new MigrationRequest(on, changelog, null, false, false, ProgressListener.NONE);
    }

    DriftDetector detector() {
        return detector;
    }

    void execute(final String sql) throws SQLException {
        try (Connection connection = target.open();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> changelogRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = target.open();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT id, author, filename, md5sum, orderexecuted FROM databasechangelog ORDER BY orderexecuted")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getInt(5));
            }
        }
        return rows;
    }

    private List<String> ownTables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = target.open();
                ResultSet rs = connection
                        .getMetaData()
                        .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (SchemaSnapshot.isOwnTable(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
