package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;

/** Extension jars and search paths on a fresh database of the test PostgreSQL server. */
class PostgresChangelogResourcesITest extends AbstractChangelogResourcesTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        PostgresServer server = PostgresServer.get();
        return new DatabaseTarget(
                "dev",
                server.jdbcUrl(server.createDatabase("resources")),
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }
}
