package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code roleCredentials}, data tests connect as the environment's role, not as the admin: they see what
 * the role may see, on a real PostgreSQL server.
 */
class RoleLoginDataTestsPostgresITest {
    @TempDir
    private Path dir;

    private ExampleProduct product;
    private String role;
    private DataOps dataOps;

    @BeforeEach
    void provisionDevWithARoleLogin() {
        String prefix = "rolelogin_" + System.nanoTime();
        role = prefix + "_app";
        product = ExampleProduct.onPostgres(dir, prefix);
        product.writeSpec(product.readSpec()
                .replaceFirst("(?m)^(  dev:\\n    provider: postgres\\n)", "$1    roleCredentials: dev-role\n"));
        dataOps = new DataOps(
                SpecLoader.load(product.spec()),
                new Session(
                        "alice",
                        "test",
                        ExampleProduct.credentials().withLogin("dev-role", new UsernamePassword(role, "role-pw-1")),
                        ProgressListener.NONE,
                        new MemoryLedger(),
                        Clock.systemUTC()));
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
    }

    @Test
    void shouldRunTheChecksAsTheRoleSoATableOnlyTheAdminMayReadFailsWithPermissionDenied()
            throws IOException, SQLException {
        // Given a table the admin made and did not grant to the role, and checks on it and on the login
        String database = dataOps.target("dev").jdbcUrl().replaceFirst(".*/([^/?]+).*", "$1");
        try (Connection admin = PostgresServer.get().connect(database);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE admin_only (id BIGINT)");
            sql.execute("INSERT INTO admin_only VALUES (1)");
        }
        Files.writeString(product.dir().resolve("checks/admin_only.yaml"), """
                table: admin_only
                checks:
                  - row_count: { min: 1 }
                """);
        Files.writeString(product.dir().resolve("checks/login.yaml"), """
                table: customer
                checks:
                  - sql: { name: who_runs_the_checks, query: "SELECT current_user AS login" }
                """);

        // When
        List<CheckResult> results = dataOps.test(TestRequest.of("dev")).report().results();

        // Then the role may not read what the admin can, and the sql check saw the role
        assertThat(result(results, "admin_only", "row_count").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result(results, "admin_only", "row_count").message()).contains("permission denied");
        assertThat(adminCount(database)).isEqualTo(1);
        assertThat(result(results, "login", "who_runs_the_checks").sample())
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("login", role));
    }

    private static CheckResult result(final List<CheckResult> results, final String suite, final String name) {
        return results.stream()
                .filter(r -> r.suite().equals(suite) && r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static long adminCount(final String database) throws SQLException {
        try (Connection admin = PostgresServer.get().connect(database);
                Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM admin_only")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
