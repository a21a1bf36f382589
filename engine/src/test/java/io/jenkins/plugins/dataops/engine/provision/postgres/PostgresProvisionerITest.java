package io.jenkins.plugins.dataops.engine.provision.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresProvisionerITest {
    private static final AtomicInteger PRODUCTS = new AtomicInteger();
    private static final PostgresServer SERVER = PostgresServer.get();
    private static final String ADMIN = "pg-admin";

    private final PostgresProvisioner provisioner = new PostgresProvisioner();
    private final String product = "pv" + ProcessHandle.current().pid() + "-" + PRODUCTS.incrementAndGet();
    private final String database = product.replace('-', '_') + "_qat";

    @TempDir
    private Path dir;

    @Test
    void shouldCreateDatabaseAndRoleAndThenChangeNothing() throws SQLException {
        // Given
        ProvisioningContext qat = context("", adminLogin());

        // When
        ProvisioningPlan planned = provisioner.plan(qat);
        ProvisioningPlan applied = provisioner.apply(qat);
        ProvisioningPlan again = provisioner.apply(qat);

        // Then
        assertThat(planned.changes())
                .containsExactly(
                        new ResourceChange("role", database, ChangeAction.CREATE, "no login"),
                        new ResourceChange("database", database, ChangeAction.CREATE, "owner " + database));
        assertThat(applied).isEqualTo(planned);
        assertThat(again.hasChanges()).isFalse();
        assertThat(again.count(ChangeAction.NO_OP)).isEqualTo(2);
        assertThat(query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", database))
                .isEqualTo(database);
        assertThat(query("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?", database))
                .isEqualTo("dataops-managed product=" + product + " environment=qat owner=alice");
        assertThat(query("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = ?", database))
                .startsWith("dataops-managed");
        assertThat(query("SELECT CAST(rolcanlogin AS TEXT) FROM pg_roles WHERE rolname = ?", database))
                .isEqualTo("false");
    }

    @Test
    void shouldWorkAsAdminInTheEnvironmentsDatabaseWithoutRoleCredentials() throws SQLException {
        // Given
        ProvisioningContext qat = context("", adminLogin());
        provisioner.apply(qat);

        // When
        DatabaseTarget target = provisioner.target(qat);

        // Then
        assertThat(target.jdbcUrl()).isEqualTo(SERVER.jdbcUrl(database));
        assertThat(target.user()).isEqualTo(PostgresServer.SUPERUSER);
        try (Connection c = target.open()) {
            assertThat(c.getCatalog()).isEqualTo(database);
        }
    }

    @Test
    void shouldLetTheRoleLogInWithItsOwnCredentials() throws SQLException {
        // Given
        String role = database + "_app";
        ProvisioningContext qat = context(
                "    roleCredentials: app-login\n",
                adminLogin().withLogin("app-login", new UsernamePassword(role, "app-pw-'quoted'")));

        // When
        ProvisioningPlan plan = provisioner.apply(qat);
        DatabaseTarget target = provisioner.target(qat);

        // Then
        assertThat(plan.changes()).contains(new ResourceChange("role", role, ChangeAction.CREATE, "login"));
        assertThat(target.user()).isEqualTo(role);
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id INT)");
            try (ResultSet rows = s.executeQuery("SELECT current_user, current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(role);
                assertThat(rows.getString(2)).isEqualTo(database);
            }
        }
        assertThat(provisioner.plan(qat).hasChanges()).isFalse();
    }

    @Test
    void shouldAdoptADatabaseCreatedOutsideAndLeaveItInPlaceOnDestroy() throws SQLException {
        // Given
        String existing = SERVER.createDatabase("adopted");
        ProvisioningContext qat = context("    database: " + existing + "\n", adminLogin());

        // When
        ProvisioningPlan plan = provisioner.plan(qat);
        provisioner.apply(qat);
        ProvisioningPlan reapplied = provisioner.apply(qat);
        ProvisioningPlan destroyed = provisioner.destroy(qat);

        // Then
        assertThat(plan.changes())
                .contains(new ResourceChange("database", existing, ChangeAction.UPDATE, "adopt existing database"));
        assertThat(reapplied.changes())
                .filteredOn(c -> "database".equals(c.type()))
                .extracting(ResourceChange::action)
                .containsExactly(ChangeAction.NO_OP);
        assertThat(destroyed.changes())
                .containsExactly(
                        new ResourceChange(
                                "database", existing, ChangeAction.NO_OP, "not created by DataOps: left in place"),
                        new ResourceChange("role", existing, ChangeAction.DELETE, ""));
        assertThat(query("SELECT datname FROM pg_database WHERE datname = ?", existing))
                .isEqualTo(existing);
        assertThat(query("SELECT rolname FROM pg_roles WHERE rolname = ?", existing))
                .isNull();
    }

    @Test
    void shouldNameTheRoleAfterTheDatabaseOfTheSpecAsTheSpecReferenceSays() throws SQLException {
        // Given a spec that names the database and neither a role nor role credentials
        String named = database + "_sales";
        ProvisioningContext qat = context("    database: " + named + "\n", adminLogin());

        // When
        ProvisioningPlan plan = provisioner.apply(qat);

        // Then the role carries the database's name and owns it; no role is named after product and environment
        assertThat(plan.changes())
                .containsExactly(
                        new ResourceChange("role", named, ChangeAction.CREATE, "no login"),
                        new ResourceChange("database", named, ChangeAction.CREATE, "owner " + named));
        assertThat(query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", named))
                .isEqualTo(named);
        assertThat(query("SELECT rolname FROM pg_roles WHERE rolname = ?", database))
                .isNull();
        provisioner.destroy(qat);
    }

    @Test
    void shouldDropWhatItCreatedAndThenChangeNothing() throws SQLException {
        // Given
        ProvisioningContext qat = context("", adminLogin());
        provisioner.apply(qat);

        // When
        ProvisioningPlan first = provisioner.destroy(qat);
        ProvisioningPlan second = provisioner.destroy(qat);

        // Then
        assertThat(first.changes())
                .extracting(ResourceChange::action)
                .containsExactly(ChangeAction.DELETE, ChangeAction.DELETE);
        assertThat(second.changes())
                .containsExactly(
                        new ResourceChange("database", database, ChangeAction.NO_OP, "already absent"),
                        new ResourceChange("role", database, ChangeAction.NO_OP, "already absent"));
        assertThat(query("SELECT datname FROM pg_database WHERE datname = ?", database))
                .isNull();
        assertThat(query("SELECT rolname FROM pg_roles WHERE rolname = ?", database))
                .isNull();
    }

    @Test
    void shouldRefuseAHostileDatabaseName() {
        // Given
        ProvisioningContext qat = context("    database: \"x; drop\"\n", adminLogin());

        // When / Then
        assertThatThrownBy(() -> provisioner.apply(qat))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'qat': 'database' value 'x; drop' must be a lower-case "
                        + "PostgreSQL identifier");
    }

    @Test
    void shouldRefuseAHostileRoleName() {
        // Given
        ProvisioningContext qat = context("    role: \"app\\\"; drop role postgres; --\"\n", adminLogin());

        // When / Then
        assertThatThrownBy(() -> provisioner.plan(qat))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'qat': 'role' value 'app\"; drop role postgres; --' must be");
    }

    @Test
    void shouldRefuseAUrlThatIsNotPostgres() {
        // Given
        ProvisioningContext qat = context("", adminLogin(), "jdbc:h2:mem:nope");

        // When / Then
        assertThatThrownBy(() -> provisioner.plan(qat))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'qat': 'url' must look like 'jdbc:postgresql://host:5432/postgres'")
                .hasMessageContaining("not 'jdbc:h2:mem:nope'");
    }

    @Test
    void shouldNameTheMissingCredentials() {
        // Given
        ProvisioningContext qat = context("", new MapCredentialsResolver());

        // When / Then
        assertThatThrownBy(() -> provisioner.plan(qat))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No username/password credentials with id 'pg-admin' were provided");
    }

    @Test
    void shouldExplainAWrongAdminPasswordWithoutShowingIt() {
        // Given
        String wrong = "Wr0ng-Secret-4711";
        ProvisioningContext qat = context(
                "",
                new MapCredentialsResolver().withLogin(ADMIN, new UsernamePassword(PostgresServer.SUPERUSER, wrong)));

        // When / Then
        assertThatThrownBy(() -> provisioner.apply(qat))
                .isInstanceOf(DataOpsException.class)
                .hasMessageContaining("Cannot connect to the database of environment 'qat' at '"
                        + SERVER.jdbcUrl("postgres") + "' as 'postgres'")
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(wrong));
        assertThat(queryOrNull(database)).isNull();
    }

    private ProvisioningContext context(final String extraKeys, final MapCredentialsResolver credentials) {
        return context(extraKeys, credentials, SERVER.jdbcUrl("postgres"));
    }

    private ProvisioningContext context(
            final String extraKeys, final MapCredentialsResolver credentials, final String url) {
        DataProductSpec spec = SpecLoader.load(
                ExampleProduct.copyWithSpec("customer", dir, """
                product: %s
                changelog: db/changelog.yaml
                environments:
                  qat:
                    provider: postgres
                    url: %s
                    credentials: %s
                %s""".formatted(product, url, ADMIN, extraKeys)));
        return new ProvisioningContext(
                spec, spec.environment("qat"), credentials, ProgressListener.NONE, "alice", "cli", null);
    }

    private static MapCredentialsResolver adminLogin() {
        return new MapCredentialsResolver()
                .withLogin(ADMIN, new UsernamePassword(PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD));
    }

    private static String queryOrNull(final String name) {
        try {
            return query("SELECT datname FROM pg_database WHERE datname = ?", name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(final String sql, final String parameter) throws SQLException {
        try (Connection c = SERVER.connect("postgres");
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
