package io.jenkins.plugins.dataops.engine.provision.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The human-readable plan of the example's prod environment, against an empty fake subscription. */
class AzureExamplePlanTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "customer", "dataops-azure.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void shouldRenderThePlanOfTheExampleProdEnvironment() throws IOException {
        // Given the example spec, read without the spec loader
        Map<String, Object> yaml;
        try (Reader reader = Files.newBufferedReader(EXAMPLE)) {
            yaml = new Yaml().load(reader);
        }
        Map<String, Object> prodSettings = ((Map<String, Map<String, Object>>) yaml.get("environments")).get("prod");
        EnvironmentSpec prod = new EnvironmentSpec("prod", (String) prodSettings.get("provider"), prodSettings);
        DataProductSpec spec = new DataProductSpec(
                EXAMPLE,
                (String) yaml.get("product"),
                Path.of((String) yaml.get("changelog")),
                Path.of((String) yaml.get("checks")),
                (List<String>) yaml.get("promotion"),
                new LinkedHashMap<>(Map.of("prod", prod)),
                null,
                SpecPolicy.STRICT);

        try (FakeArm arm = FakeArm.start()) {
            ProvisioningContext context = new ProvisioningContext(
                    spec, prod, AzureFixtures.credentials(), ProgressListener.NONE, "alice", AzureFixtures.BUILD, null);

            // When
            String plan = new AzureSqlProvisioner(principal -> arm.connection())
                    .plan(context)
                    .render();

            // Then
            assertThat(prod.isProtected()).isTrue();
            assertThat(plan.lines())
                    .containsExactly(
                            "Plan for environment 'prod' (azure-sql):",
                            "  + resource-group rg-customer-prod (location westeurope)",
                            "  + sql-server sql-customer-prod (location westeurope, admin login from credentials 'sql-prod-admin')",
                            "  + database customer (sku S1, max 250 GB)",
                            "  + firewall-rule office (203.0.113.0 - 203.0.113.255)",
                            "  + firewall-rule jenkins-agents (198.51.100.10 - 198.51.100.11)",
                            "5 to create, 0 to update, 0 unchanged, 0 to delete");
            assertThat(arm.writes()).isEmpty();
        }
    }
}
