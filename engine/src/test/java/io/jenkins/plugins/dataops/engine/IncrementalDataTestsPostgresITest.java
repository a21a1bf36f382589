package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.release.TestWatermarks;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incremental suites on a real PostgreSQL server, also through a login that may only read. */
class IncrementalDataTestsPostgresITest extends AbstractIncrementalDataTestsTest {
    private final List<String> warnings = new ArrayList<>();

    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onPostgres(dir, "incremental_" + System.nanoTime());
    }

    @Override
    String numbers(final int n) {
        return "SELECT x FROM generate_series(1, " + n + ") AS g(x)";
    }

    @Test
    void shouldCheckEveryRowWithAWarningWhenTheLoginCannotReadTheWatermarks() throws SQLException {
        // Given a passing run by the admin, and a login that may read the checked table and the history only
        run();
        touchOnePercent("");
        String reader = readOnlyLogin();

        // When
        TestResult result = open(reader).test(TestRequest.of("dev").withSuite("inc"));

        // Then the run checked every row, and said why
        assertThat(range(result).isIncremental()).isFalse();
        assertThat(result(result, "amount_not_negative").checkedRows()).isEqualTo(ROWS);
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains(TestWatermarks.TABLE).contains("check every row"));
    }

    @Test
    void shouldRunIncrementallyButKeepTheWatermarkWhenTheLoginCannotWriteIt() throws SQLException {
        TestResult first = run();
        touchOnePercent("");
        String reader = readOnlyLogin();
        execute("GRANT SELECT ON " + TestWatermarks.TABLE + " TO " + reader);

        TestResult result = open(reader).test(TestRequest.of("dev").withSuite("inc"));

        assertThat(result.breached()).isFalse();
        assertThat(range(result).isIncremental()).isTrue();
        assertThat(result(result, "amount_not_negative").checkedRows()).isEqualTo(ROWS / 100);
        assertThat(watermarks().get("inc").watermark()).isEqualTo(range(first).upTo());
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("next run of the incremental suites checks every row"));
    }

    private String readOnlyLogin() throws SQLException {
        String reader = "reader_" + System.nanoTime();
        execute("CREATE ROLE " + reader + " LOGIN PASSWORD 'reader-pw'");
        execute("GRANT SELECT ON orders_inc TO " + reader);
        execute("GRANT SELECT ON " + ReleaseHistory.TABLE + " TO " + reader);
        return reader;
    }

    private DataOps open(final String user) {
        ProgressListener progress = new ProgressListener() {
            @Override
            public void info(final String message) {}

            @Override
            public void warn(final String message) {
                warnings.add(message);
            }

            @Override
            public void error(final String message) {}
        };
        return new DataOps(
                SpecLoader.load(product.spec()),
                new Session(
                        "alice",
                        "test",
                        new MapCredentialsResolver()
                                .withLogin(ExampleProduct.PG_ADMIN, new UsernamePassword(user, "reader-pw")),
                        progress,
                        ledger,
                        Clock.systemUTC()));
    }
}
