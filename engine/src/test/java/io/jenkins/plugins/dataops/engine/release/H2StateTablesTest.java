package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import java.nio.file.Path;

/** The product's own tables on an H2 file database, where generated constraint names are shared per schema. */
class H2StateTablesTest extends AbstractStateTablesTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        return new DatabaseTarget(
                "dev", "jdbc:h2:file:" + dir.resolve("h2").resolve("dev").toAbsolutePath(), "sa", "");
    }
}
