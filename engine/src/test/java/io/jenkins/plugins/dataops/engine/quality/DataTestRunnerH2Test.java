package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs the data tests on an in-memory H2 database. */
class DataTestRunnerH2Test extends AbstractDataTestRunnerTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    DatabaseTarget createDatabase() {
        return new DatabaseTarget(
                "dev", "jdbc:h2:mem:quality" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    String key(final String upper) {
        return upper;
    }

    @Test
    void shouldMatchRegularExpressionsWithRegexpLike() {
        // Given a pattern check on H2
        DataTestReport report =
                run("table: customer\nchecks:\n  - pattern: { column: country, regex: '^[A-Z]{2}$' }\n");

        // Then H2's REGEXP_LIKE evaluates it
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void shouldPlanPatternChecksAsUnsupportedOnSqlServerAndTheOthersAsUsual() throws Exception {
        // Given a suite with a pattern check, planned for a SQL Server database (the schema read from H2)
        Files.writeString(
                checks.resolve("customer.yaml"),
                "table: customer\nchecks:\n  - pattern: { column: email, regex: '@' }\n  - not_null: { column: id }\n");
        List<CheckSuite> suites = CheckSuiteLoader.load(checks);

        // When it is planned
        List<TablePlan> plans;
        try (Connection connection = target().open()) {
            plans = new CheckPlanner(LiveSchema.read(connection), Dialect.SQLSERVER, NOW, "prod").plan(suites);
        }

        // Then the pattern check will be reported as an error with a clear reason; the other one runs
        PlannedCheck pattern = plans.get(0).checks().get(0);
        assertThat(pattern.mode()).isEqualTo(PlannedCheck.Mode.UNSUPPORTED);
        assertThat(pattern.unsupported())
                .isEqualTo("The SQLSERVER database of environment 'prod' has no regular "
                        + "expressions; use a 'sql' check with LIKE for this environment.");
        assertThat(plans.get(0).checks().get(1).mode()).isEqualTo(PlannedCheck.Mode.AGGREGATE);
        assertThat(plans.get(0).scanQueries()).isEqualTo(1);
    }
}
