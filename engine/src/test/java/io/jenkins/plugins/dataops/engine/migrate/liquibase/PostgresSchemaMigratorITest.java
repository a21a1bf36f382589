package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;

/** The migration contract on a fresh database of the test PostgreSQL server. */
class PostgresSchemaMigratorITest extends AbstractSchemaMigratorTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        PostgresServer server = PostgresServer.get();
        return new DatabaseTarget(
                "dev",
                server.jdbcUrl(server.createDatabase("migrate")),
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }

    @Override
    boolean hasTransactionalDdl() {
        return true;
    }
}
