package io.jenkins.plugins.dataops.engine.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.drift.DriftDetector;
import io.jenkins.plugins.dataops.engine.impact.CheckImpact.Verdict;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange.Kind;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.quality.CheckSuiteLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Impact analysis against a real database, run by each subclass on H2 and PostgreSQL: the test schema at
 * release 1.0.0, with releases 2.0.0 (a rename its suite follows, a type change, a column dropped in raw SQL)
 * and 3.0.0 (a dropped view and column that checks still read) pending.
 */
abstract class AbstractImpactAnalyzerTest {
    @TempDir
    private Path dir;

    private DatabaseTarget target;
    private Path changelog;

    abstract DatabaseTarget freshDatabase(Path dir);

    @BeforeEach
    void migrateToTheFirstRelease() throws IOException {
        target = freshDatabase(dir);
        changelog = copy("changelog.yaml", dir.resolve("db"));
        copy("checks/customer.yaml", dir.resolve("checks"));
        copy("checks/orders.yaml", dir.resolve("checks"));
        new LiquibaseSchemaMigrator().update(request("1.0.0"));
    }

    @Test
    void shouldReadTheChangesOfThePendingChangeSetsUpToTheTag() {
        List<SchemaChange> changes = new LiquibaseChangeLogAuditor().pendingChanges(request("2.0.0"));

        assertThat(changes)
                .extracting(SchemaChange::kind, SchemaChange::table, SchemaChange::column, SchemaChange::newName)
                .containsExactly(
                        tuple(Kind.RENAME_COLUMN, "customer", "segment", "tier"),
                        tuple(Kind.MODIFY_TYPE, "customer", "points", ""),
                        tuple(Kind.DROP_COLUMN, "customer", "nickname", ""));
    }

    @Test
    void shouldNameEveryCheckThatADroppedColumnBreaksWithSuiteAndLine() {
        ImpactReport report = analyze("3.0.0");

        assertThat(report.breaking())
                .extracting(CheckImpact::suiteFile, CheckImpact::check, CheckImpact::line)
                .contains(
                        tuple("customer.yaml", "not_null_email", 5),
                        tuple("customer.yaml", "unique_nickname", 7),
                        tuple("orders.yaml", "orders_of_customers_with_email", 4));
        assertThat(report.breaking())
                .extracting(CheckImpact::check)
                .doesNotContain("accepted_values_tier", "row_count", "relationships_customer_id");
    }

    @Test
    void shouldCountARenameAsFollowedWhenTheSuiteNamesTheNewColumn() {
        ImpactReport report = analyze("2.0.0");

        assertThat(report.checks())
                .filteredOn(c -> c.change().startsWith("rename"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.check()).isEqualTo("accepted_values_tier");
                    assertThat(c.verdict()).isEqualTo(Verdict.FOLLOWED);
                });
    }

    @Test
    void shouldFlagASchemaCheckThatExpectsTheOldTypeAndAskToReviewTheOthers() {
        ImpactReport report = analyze("2.0.0");

        assertThat(report.checks())
                .filteredOn(c -> c.change().startsWith("change type"))
                .extracting(CheckImpact::check, CheckImpact::verdict)
                .containsExactlyInAnyOrder(tuple("schema", Verdict.BREAKS), tuple("range_points", Verdict.REVIEW));
    }

    @Test
    void shouldListTheViewsIndexesAndKeysThatDependOnTheChangedObjects() {
        ImpactReport report = analyze("3.0.0");

        assertThat(report.dependents())
                .filteredOn(d -> d.change().equals("drop column customer.email"))
                .extracting(d -> d.kind() + " " + d.name().toLowerCase(java.util.Locale.ROOT))
                .containsExactlyInAnyOrder("view customer_emails", "index customer(email)");
        assertThat(report.dependents())
                .filteredOn(d -> d.kind().equals("foreign key"))
                .isEmpty();
    }

    private ImpactReport analyze(final String tag) {
        List<SchemaChange> changes = new LiquibaseChangeLogAuditor().pendingChanges(request(tag));
        return ImpactAnalyzer.analyze(
                "dev", changes, CheckSuiteLoader.load(dir.resolve("checks")), DriftDetector.snapshot(target));
    }

    private MigrationRequest request(final String tag) {
        return new MigrationRequest(target, changelog, tag, true, true, ProgressListener.NONE);
    }

    private Path copy(final String resource, final Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/impact/" + resource)) {
            Files.copy(in, file);
        }
        return file;
    }
}
