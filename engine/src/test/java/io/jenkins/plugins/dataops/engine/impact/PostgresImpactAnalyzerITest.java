package io.jenkins.plugins.dataops.engine.impact;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;

/** Impact analysis on a fresh database of the test PostgreSQL server (views from pg_get_viewdef). */
class PostgresImpactAnalyzerITest extends AbstractImpactAnalyzerTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        PostgresServer server = PostgresServer.get();
        return new DatabaseTarget(
                "dev",
                server.jdbcUrl(server.createDatabase("impact")),
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }
}
