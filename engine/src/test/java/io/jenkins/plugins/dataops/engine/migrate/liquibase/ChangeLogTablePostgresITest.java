package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The applied tags read from Liquibase's table without Liquibase, on a real PostgreSQL server. */
class ChangeLogTablePostgresITest {
    @Test
    void shouldReadTheTagsOfTheConnectionsSchemaOnlyWhenAnotherSchemaMatchesItAsALikePattern() throws SQLException {
        // Given a changelog table in schema 'myxs' only, and one in 'my_s' whose name '_' would match as a pattern
        PostgresServer server = PostgresServer.get();
        String database = server.createDatabase("changelog_table");
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA myxs");
            s.execute("CREATE SCHEMA my_s");
            s.execute("CREATE TABLE myxs.databasechangelog (id VARCHAR(255), tag VARCHAR(255),"
                    + " dateexecuted TIMESTAMP, orderexecuted INT)");
            s.execute("INSERT INTO myxs.databasechangelog VALUES ('1', NULL, TIMESTAMP '2024-01-01 10:00', 1),"
                    + " ('2', '2.0.0', TIMESTAMP '2024-01-02 10:00', 3), ('3', '1.0.0', TIMESTAMP '2024-01-01 10:00', 2),"
                    + " ('4', '', TIMESTAMP '2024-01-03 10:00', 4)");
        }

        // When the tags are read through a connection whose schema is 'my_s', then 'myxs'
        DatabaseTarget mine = target(server, database, "my_s");
        DatabaseTarget other = target(server, database, "myxs");

        // Then 'my_s' has none; 'myxs' has its own, in the order Liquibase applied them, without empty tags
        assertThat(ChangeLogTable.appliedTags(mine)).isEmpty();
        assertThat(ChangeLogTable.appliedTags(other)).containsExactly("1.0.0", "2.0.0");
    }

    private static DatabaseTarget target(final PostgresServer server, final String database, final String schema) {
        return new DatabaseTarget(
                "qat",
                server.jdbcUrl(database) + "?currentSchema=" + schema,
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }
}
