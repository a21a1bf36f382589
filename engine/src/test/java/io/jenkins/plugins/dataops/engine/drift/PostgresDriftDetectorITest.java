package io.jenkins.plugins.dataops.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The drift check on a fresh database of the test PostgreSQL server; the expected schema in a throw-away one. */
class PostgresDriftDetectorITest extends AbstractDriftDetectorTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        PostgresServer server = PostgresServer.get();
        return new DatabaseTarget(
                "qat",
                server.jdbcUrl(server.createDatabase("drift")),
                PostgresServer.SUPERUSER,
                PostgresServer.SUPERUSER_PASSWORD);
    }

    @Override
    String widenStatusColumn() {
        return "ALTER TABLE child ALTER COLUMN status TYPE VARCHAR(50)";
    }

    @Test
    void shouldDropTheScratchDatabaseAfterTheCheck() throws SQLException {
        execute("ALTER TABLE child ADD COLUMN notes VARCHAR(200)");

        detector().check(request());

        assertThat(scratchDatabases()).isZero();
    }

    @Test
    void shouldNameTheCreatedbPrivilegeWhenTheLoginCannotCreateTheScratchDatabase() {
        PostgresServer server = PostgresServer.get();
        String database = server.createDatabase("drift_nocreatedb");
        String role = database + "_owner";
        server.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'role-pw-secret'");
        server.execute("ALTER DATABASE " + database + " OWNER TO " + role);
        DatabaseTarget asRole = new DatabaseTarget("qat", server.jdbcUrl(database), role, "role-pw-secret");

        assertThatThrownBy(() -> detector().check(request(asRole)))
                .isInstanceOf(DataOpsException.class)
                .hasMessageContaining("CREATEDB")
                .hasMessageContaining("'" + role + "'")
                .hasMessageContaining("ALTER ROLE " + role + " CREATEDB")
                .hasMessageNotContaining("role-pw-secret");
    }

    private static int scratchDatabases() throws SQLException {
        try (Connection connection = PostgresServer.get().connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname LIKE 'dataops\\_scratch\\_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
