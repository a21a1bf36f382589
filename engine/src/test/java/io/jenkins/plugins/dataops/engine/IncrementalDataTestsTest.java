package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;

/** Incremental suites on real H2. */
class IncrementalDataTestsTest extends AbstractIncrementalDataTestsTest {
    @Override
    ExampleProduct product(final Path dir) {
        return ExampleProduct.onH2(dir);
    }

    @Override
    String numbers(final int n) {
        return "SELECT X AS x FROM SYSTEM_RANGE(1, " + n + ")";
    }
}
