package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;

/** Release names and the state schema with every environment on the test PostgreSQL server. */
class PostgresReleaseNamesITest extends AbstractReleaseNamesTest {
    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onPostgres(dir, "names" + System.nanoTime());
    }
}
