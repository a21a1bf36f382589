package io.jenkins.plugins.dataops.engine.provision.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ProvisionerTest {
    private final H2Provisioner provisioner = new H2Provisioner();

    @TempDir
    private Path dir;

    private DataProductSpec spec;

    @BeforeEach
    void loadTheExample() {
        spec = SpecLoader.load(ExampleProduct.copy("customer", dir));
    }

    @Test
    void shouldPlanToCreateAnEnvironmentThatDoesNotExist() {
        // Given
        ProvisioningContext dev = context("dev");

        // When
        ProvisioningPlan plan = provisioner.plan(dev);

        // Then
        assertThat(plan.environment()).isEqualTo("dev");
        assertThat(plan.provider()).isEqualTo("h2");
        assertThat(plan.changes())
                .containsExactly(
                        new ResourceChange("database", "dev", ChangeAction.CREATE, "new file .dataops/h2/dev.mv.db"));
        assertThat(plan.render()).isEqualTo("""
                Plan for environment 'dev' (h2):
                  + database dev (new file .dataops/h2/dev.mv.db)
                1 to create, 0 to update, 0 unchanged, 0 to delete""");
        assertThat(dir.resolve(".dataops")).doesNotExist();
    }

    @Test
    void shouldCreateOnceAndThenChangeNothing() {
        // Given
        ProvisioningContext dev = context("dev");

        // When
        ProvisioningPlan first = provisioner.apply(dev);
        ProvisioningPlan second = provisioner.apply(dev);

        // Then
        assertThat(first.count(ChangeAction.CREATE)).isEqualTo(1);
        assertThat(dir.resolve(".dataops/h2/dev.mv.db")).isRegularFile();
        assertThat(second.hasChanges()).isFalse();
        assertThat(second.changes()).extracting(ResourceChange::action).containsExactly(ChangeAction.NO_OP);
        assertThat(provisioner.plan(dev).summary()).isEqualTo("0 to create, 0 to update, 1 unchanged, 0 to delete");
        assertThat(dir.resolve(".dataops/h2/qat.mv.db")).doesNotExist();
    }

    @Test
    void shouldDestroyOnceAndThenChangeNothing() {
        // Given
        ProvisioningContext dev = context("dev");
        provisioner.apply(dev);

        // When
        ProvisioningPlan first = provisioner.destroy(dev);
        ProvisioningPlan second = provisioner.destroy(dev);

        // Then
        assertThat(first.changes()).containsExactly(new ResourceChange("database", "dev", ChangeAction.DELETE, ""));
        assertThat(dir.resolve(".dataops/h2/dev.mv.db")).doesNotExist();
        assertThat(second.changes())
                .containsExactly(new ResourceChange("database", "dev", ChangeAction.NO_OP, "already absent"));
        assertThat(provisioner.plan(dev).count(ChangeAction.CREATE)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheTargetOfAnEnvironmentThatIsNotProvisioned() {
        // Given
        ProvisioningContext qat = context("qat");

        // When / Then
        assertThatThrownBy(() -> provisioner.target(qat))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("Environment 'qat' is not provisioned (no '.dataops/h2/qat.mv.db'); "
                        + "run 'provision --env qat' first.");
        assertThat(dir.resolve(".dataops/h2/qat.mv.db")).doesNotExist();
    }

    @Test
    void shouldGiveATargetThatOpensTheProvisionedDatabaseOnly() throws Exception {
        // Given
        ProvisioningContext dev = context("dev");
        provisioner.apply(dev);

        // When
        DatabaseTarget target = provisioner.target(dev);

        // Then
        assertThat(target.dialect()).isEqualTo(Dialect.H2);
        assertThat(target.jdbcUrl()).endsWith(";IFEXISTS=TRUE");
        assertThat(target.toString()).contains("password=****");
        try (Connection c = target.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id INT)");
            s.execute("INSERT INTO probe VALUES (42)");
        }
        try (Connection c = provisioner.target(dev).open();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT id FROM probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
        assertThat(Files.list(dir.resolve(".dataops/h2"))
                        .map(p -> p.getFileName().toString()))
                .allMatch(name -> name.startsWith("dev."));
    }

    private ProvisioningContext context(final String environment) {
        return new ProvisioningContext(
                spec,
                spec.environment(environment),
                new MapCredentialsResolver(),
                ProgressListener.NONE,
                "alice",
                "cli",
                null);
    }
}
