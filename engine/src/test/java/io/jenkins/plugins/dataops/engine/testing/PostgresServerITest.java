package io.jenkins.plugins.dataops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerITest {
    @Test
    void shouldStartAThrowAwayServerAndCreateDatabases() throws Exception {
        PostgresServer server = PostgresServer.get();

        String first = server.createDatabase("fixture");
        String second = server.createDatabase("fixture");

        assertThat(first).isNotEqualTo(second);
        try (Connection c = server.connect(second);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_database()")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(second);
        }
    }
}
