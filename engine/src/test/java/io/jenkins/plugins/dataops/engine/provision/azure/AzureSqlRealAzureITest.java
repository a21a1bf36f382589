package io.jenkins.plugins.dataops.engine.provision.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.resourcemanager.resources.fluentcore.utils.ResourceDelayProvider;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.RecordingProgress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opt-in smoke test against real Azure, to catch what the fake cannot show (SKU normalisation, real
 * provisioning states, permissions). Skipped unless AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and
 * AZURE_SUBSCRIPTION_ID are set (optional: AZURE_CLOUD, DATAOPS_AZURE_LOCATION). It creates a Basic database
 * in a new resource group and destroys it again; see docs/azure.md.
 */
class AzureSqlRealAzureITest {
    @Test
    void shouldProvisionConvergeAndDestroyInRealAzure() {
        Map<String, String> env = System.getenv();
        assumeTrue(
                List.of("AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_SUBSCRIPTION_ID").stream()
                        .allMatch(env::containsKey),
                "AZURE_* service principal variables are not set");
        // The fake tests make the SDK poll every millisecond; real ARM wants its own pace.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(new ResourceDelayProvider());

        // Given a unique resource group and server
        String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        Map<String, Object> settings = AzureFixtures.with(
                AzureFixtures.with(
                        AzureFixtures.with(
                                AzureFixtures.with(AzureFixtures.settings(), "resourceGroup", "rg-dataops-it-" + id),
                                "server",
                                "sql-dataops-it-" + id),
                        "sku",
                        "Basic"),
                "location",
                env.getOrDefault("DATAOPS_AZURE_LOCATION", "westeurope"));
        MapCredentialsResolver credentials = new MapCredentialsResolver()
                .withServicePrincipal(
                        "azure-prod",
                        new ServicePrincipal(
                                env.get("AZURE_TENANT_ID"),
                                env.get("AZURE_CLIENT_ID"),
                                env.get("AZURE_CLIENT_SECRET"),
                                env.get("AZURE_SUBSCRIPTION_ID"),
                                env.getOrDefault("AZURE_CLOUD", "AzureCloud")))
                .withLogin(
                        "sql-prod-admin",
                        new UsernamePassword("dataops_it", "It-" + id + "-" + id.toUpperCase() + "!x9"));
        ProvisioningContext base = AzureFixtures.context(
                "it-" + id, settings, new RecordingProgress(), Instant.now().plus(Duration.ofHours(2)));
        ProvisioningContext context = new ProvisioningContext(
                base.spec(), base.environment(), credentials, base.progress(), "it", "azure-it", base.expiresAt());
        AzureSqlProvisioner provisioner = new AzureSqlProvisioner();

        try {
            // When
            ProvisioningPlan applied = provisioner.apply(context);
            ProvisioningPlan again = provisioner.plan(context);

            // Then
            assertThat(applied.count(ChangeAction.CREATE)).isEqualTo(4);
            assertThat(again.hasChanges()).as(again.render()).isFalse();
        } finally {
            ProvisioningPlan destroyed = provisioner.destroy(context);
            assertThat(destroyed.changes())
                    .filteredOn(c -> c.type().equals("resource-group"))
                    .extracting(c -> c.action())
                    .containsExactly(ChangeAction.DELETE);
        }
    }
}
