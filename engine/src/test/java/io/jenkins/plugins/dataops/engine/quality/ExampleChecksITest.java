package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * The example product's check suites against its own changelog, applied with Liquibase (test code only): all
 * pass at release 1.1.0, release 1.2.0's late import breaks the promised ones, and release 1.3.0 (which takes
 * the import back and renames a column that its suite follows) passes them all again.
 */
class ExampleChecksITest {
    private static final Path PRODUCT = Paths.get("..", "examples", "customer");
    private static int databases;

    private static void migrate(final DatabaseTarget target, final String tag) throws Exception {
        System.setProperty("liquibase.analytics.enabled", "false");
        Map<String, Object> scope =
                Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(PRODUCT.resolve("db")));
        Scope.child(
                scope,
                () -> new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, target.jdbcUrl())
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, target.user())
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, target.password())
                        .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, "changelog.yaml")
                        .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, tag)
                        .execute());
    }

    /** Runs the suites that apply at a release, as the facade does: a suite 'since' a later tag is skipped. */
    private static DataTestReport test(final DatabaseTarget target, final List<String> appliedTags) {
        List<CheckSuite> suites = CheckSuiteLoader.load(PRODUCT.resolve("checks")).stream()
                .filter(s -> s.since().isEmpty() || appliedTags.contains(s.since()))
                .toList();
        return new DataTestRunner(target, ProgressListener.NONE).run(suites, DataTestOptions.defaults());
    }

    private static DatabaseTarget h2() {
        return new DatabaseTarget("dev", "jdbc:h2:mem:example" + ++databases + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static DatabaseTarget postgres() {
        String db = PostgresServer.get().createDatabase("example");
        return new DatabaseTarget(
                "qat", PostgresServer.get().jdbcUrl(db), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD);
    }

    @Test
    void shouldExerciseEveryCheckType() {
        List<CheckSuite> suites = CheckSuiteLoader.load(PRODUCT.resolve("checks"));

        assertThat(suites).extracting(CheckSuite::name).containsExactly("customer", "customer_segments", "orders");
        assertThat(suites.stream()
                        .flatMap(s -> s.checks().stream())
                        .map(Check::type)
                        .distinct())
                .containsExactlyInAnyOrder(CheckType.values());
        assertThat(suites.stream().flatMap(s -> s.checks().stream()))
                .anyMatch(c -> c.severity() == Severity.WARN)
                .anyMatch(c -> c.threshold().isPercent())
                .anyMatch(c -> !c.where().isEmpty());
        assertThat(Files.isRegularFile(PRODUCT.resolve("dataops.yaml"))).isTrue();
    }

    @Test
    void shouldPassAt110FailTheBrokenPromisesAt120AndPassAt130OnH2() throws Exception {
        assertReleases(h2());
    }

    @Test
    void shouldPassAt110FailTheBrokenPromisesAt120AndPassAt130OnPostgres() throws Exception {
        assertReleases(postgres());
    }

    private static void assertReleases(final DatabaseTarget target) throws Exception {
        // Given the product at release 1.1.0
        migrate(target, "1.1.0");

        // When its checks run, Then all pass, with one scan per table plus the own-query checks
        DataTestReport passing = test(target, List.of("1.0.0", "1.1.0"));
        assertThat(passing.results())
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
        assertThat(passing.scanQueries())
                .as("customer: scan + two unique; orders: scan + unique + relationships + sql")
                .isEqualTo(3 + 4);
        assertThat(passing.sampleQueries()).isZero();

        // Given release 1.2.0 with its late import
        migrate(target, "1.2.0");

        // When the checks run again, Then the broken promises fail with evidence, and nothing else
        DataTestReport failing = test(target, List.of("1.0.0", "1.1.0", "1.2.0"));
        Map<String, CheckResult> breaches = failing.breaches(FailOn.WARN).stream()
                .collect(Collectors.toMap(r -> r.suite() + "." + r.name(), r -> r));
        assertThat(breaches)
                .containsOnlyKeys(
                        "customer.unique_email",
                        "customer.accepted_values_country",
                        "orders.relationships_customer_id",
                        "orders.amount_not_negative");
        assertThat(breaches.values()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.failingRows()).isEqualTo(1);
            assertThat(r.sample()).hasSize(1);
        });
        assertThat(breaches.get("customer.accepted_values_country")
                        .sample()
                        .get(0)
                        .values())
                .contains("XX");
        assertThat(failing.sampleQueries()).isEqualTo(4);
        assertThat(failing.isBreached(FailOn.ERROR)).isTrue();
        assertThat(JunitXmlWriter.render(failing))
                .contains("<testcase classname=\"dataops." + target.environment() + ".orders\"");

        // Given release 1.3.0, When all suites run (the tier suite starts there), Then every promise holds again
        migrate(target, "1.3.0");
        DataTestReport repaired = test(target, List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0"));
        assertThat(repaired.results())
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASS));
        assertThat(repaired.scanQueries())
                .as("customer: scan + two unique; customer_segments: scan + sql; "
                        + "orders: scan + unique + relationships + sql")
                .isEqualTo(3 + 2 + 4);
    }
}
