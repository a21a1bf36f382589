package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;

/** Incremental suites on a real PostgreSQL server. */
class IncrementalDataTestsPostgresITest extends AbstractIncrementalDataTestsTest {
    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onPostgres(dir, "incremental_" + System.nanoTime());
    }

    @Override
    String numbers(final int n) {
        return "SELECT x FROM generate_series(1, " + n + ") AS g(x)";
    }
}
