package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the data tests on an in-memory H2 database. */
class DataTestRunnerH2ITest extends AbstractDataTestRunnerITest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    DatabaseTarget createDatabase() {
        return new DatabaseTarget("dev", "jdbc:h2:mem:quality" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }

    @Override
    String key(final String upper) {
        return upper;
    }

    @Test
    void shouldMatchRegularExpressionsWithRegexpLike() {
        // Given a pattern check on H2
        DataTestReport report = run("table: customer\nchecks:\n  - pattern: { column: country, regex: '^[A-Z]{2}$' }\n");

        // Then H2's REGEXP_LIKE evaluates it
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.PASS);
    }
}
