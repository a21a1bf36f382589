package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import java.nio.file.Path;

/** Extension jars and search paths on an H2 file database. */
class H2ChangelogResourcesTest extends AbstractChangelogResourcesTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        return new DatabaseTarget(
                "dev", "jdbc:h2:file:" + dir.resolve("h2").resolve("dev").toAbsolutePath(), "sa", "");
    }
}
