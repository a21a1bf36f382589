package io.jenkins.plugins.dataops.engine.impact;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import java.nio.file.Path;

/** Impact analysis on an H2 file database. */
class H2ImpactAnalyzerTest extends AbstractImpactAnalyzerTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        return new DatabaseTarget(
                "dev", "jdbc:h2:file:" + dir.resolve("h2").resolve("dev").toAbsolutePath(), "sa", "");
    }
}
