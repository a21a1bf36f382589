package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
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
            s.execute("CREATE TABLE myxs.databasechangelog (id VARCHAR(255), author VARCHAR(255),"
                    + " filename VARCHAR(255), dateexecuted TIMESTAMP, orderexecuted INT, exectype VARCHAR(10),"
                    + " md5sum VARCHAR(35), tag VARCHAR(255))");
            s.execute("INSERT INTO myxs.databasechangelog VALUES"
                    + " ('1', 'a', 'c.yaml', TIMESTAMP '2024-01-01 10:00', 1, 'EXECUTED', '9:abc', NULL),"
                    + " ('2', 'a', 'c.yaml', TIMESTAMP '2024-01-02 10:00', 3, 'EXECUTED', '9:def', '2.0.0'),"
                    + " ('3', 'a', 'c.yaml', TIMESTAMP '2024-01-01 10:00', 2, 'MARK_RAN', NULL, '1.0.0'),"
                    + " ('4', 'a', 'c.yaml', TIMESTAMP '2024-01-03 10:00', 4, 'EXECUTED', 'abc', '')");
        }

        // When the tags are read through a connection whose schema is 'my_s', then 'myxs'
        DatabaseTarget mine = target(server, database, "my_s");
        DatabaseTarget other = target(server, database, "myxs");

        // Then 'my_s' has none; 'myxs' has its own, in the order Liquibase applied them, without empty tags
        assertThat(ChangeLogTable.appliedTags(mine)).isEmpty();
        assertThat(ChangeLogTable.appliedTags(other)).containsExactly("1.0.0", "2.0.0");
        assertThat(ChangeLogTable.history(other))
                .extracting(AppliedChangeSet::id, AppliedChangeSet::execType, AppliedChangeSet::checksum)
                .containsExactly(
                        tuple("1", "EXECUTED", "9:abc"),
                        tuple("3", "MARK_RAN", ""),
                        tuple("2", "EXECUTED", "9:def"),
                        tuple("4", "EXECUTED", "1:abc"));
    }

    private static DatabaseTarget target(final PostgresServer server, final String database, final String schema) {
        return new DatabaseTarget(
                "qat",
                server.jdbcUrl(database) + "?currentSchema=" + schema,
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }
}
