package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;

/** Drift, the drift gate and impact analysis on the example product's embedded H2 environments. */
class SchemaChangeH2Test extends AbstractSchemaChangeITest {
    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onH2(dir);
    }
}
