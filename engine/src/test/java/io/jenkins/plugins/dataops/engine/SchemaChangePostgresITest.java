package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;

/** Drift, the drift gate and impact analysis with every environment on the test PostgreSQL server. */
class SchemaChangePostgresITest extends AbstractSchemaChangeITest {
    private static int products;

    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onPostgres(dir, "schema_change_" + ++products);
    }
}
