package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;

/** The product's own tables on a fresh database of the test PostgreSQL server. */
class PostgresStateTablesITest extends AbstractStateTablesTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        PostgresServer server = PostgresServer.get();
        return new DatabaseTarget(
                "dev",
                server.jdbcUrl(server.createDatabase("state")),
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }
}
