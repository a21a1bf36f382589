package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;

/** Release names and the state schema on the embedded default. */
class H2ReleaseNamesTest extends AbstractReleaseNamesTest {
    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onH2(dir);
    }
}
