package io.jenkins.plugins.dataops.engine.provision.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment role's password reaches the real test server only as a SCRAM verifier, never in clear text. */
class RolePasswordITest {
    private static final PostgresServer SERVER = PostgresServer.get();

    private final String product = "pw" + ProcessHandle.current().pid();
    private final String database = product + "_qat";
    private final String role = database + "_app";
    private final String rolePassword = "clear-role-pw-" + product;

    @TempDir
    private Path dir;

    @Test
    void shouldNeverSendTheRolePasswordInClearTextWhenCreateRoleFailsOrSucceeds() throws IOException, SQLException {
        // Given an admin that may create databases but not roles, and every statement of the real admin logged
        String limited = product + "_limited";
        SERVER.execute("CREATE ROLE " + limited + " LOGIN CREATEDB PASSWORD 'limited-pw'");
        SERVER.execute("ALTER ROLE " + PostgresServer.SUPERUSER + " IN DATABASE postgres SET log_statement = 'all'");
        PostgresProvisioner provisioner = new PostgresProvisioner();
        try {
            // When CREATE ROLE fails (PostgreSQL logs the failing statement), then succeeds as the real admin
            assertThatThrownBy(() -> provisioner.apply(context(new UsernamePassword(limited, "limited-pw"))))
                    .isInstanceOf(DataOpsException.class)
                    .hasMessageContaining("permission denied");
            ProvisioningContext qat =
                    context(new UsernamePassword(PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD));
            provisioner.apply(qat);

            // Then the role logs in with its password, and the server's log holds a verifier, never the password
            DatabaseTarget target = provisioner.target(qat);
            try (Connection c = target.open();
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT current_user")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(role);
            }
            String log = Files.readString(SERVER.serverLog(), StandardCharsets.UTF_8);
            assertThat(log).contains("CREATE ROLE \"" + role + "\" LOGIN PASSWORD 'SCRAM-SHA-256$");
            assertThat(log).doesNotContain(rolePassword);
        } finally {
            SERVER.execute("ALTER ROLE " + PostgresServer.SUPERUSER + " IN DATABASE postgres RESET log_statement");
        }
    }

    private DataProductSpec spec;

    private ProvisioningContext context(final UsernamePassword admin) {
        spec = spec != null
                ? spec
                : SpecLoader.load(ExampleProduct.copyWithSpec(
                        "customer", dir, """
                product: %s
                changelog: db/changelog.yaml
                environments:
                  qat:
                    provider: postgres
                    url: %s
                    credentials: pg-admin
                    roleCredentials: app-login
                """.formatted(product, SERVER.jdbcUrl("postgres"))));
        MapCredentialsResolver credentials = new MapCredentialsResolver()
                .withLogin("pg-admin", admin)
                .withLogin("app-login", new UsernamePassword(role, rolePassword));
        return new ProvisioningContext(
                spec, spec.environment("qat"), credentials, ProgressListener.NONE, "alice", "cli", null);
    }
}
