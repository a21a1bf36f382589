package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import java.nio.file.Path;

/** The migration contract on an H2 file database in the test's folder. */
class H2SchemaMigratorTest extends AbstractSchemaMigratorTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        return new DatabaseTarget(
                "dev", "jdbc:h2:file:" + dir.resolve("h2").resolve("dev").toAbsolutePath(), "sa", "");
    }

    @Override
    boolean hasTransactionalDdl() {
        return false; // H2 commits DDL at once
    }
}
