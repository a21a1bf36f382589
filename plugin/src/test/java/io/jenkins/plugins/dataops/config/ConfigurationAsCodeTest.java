package io.jenkins.plugins.dataops.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.dataops.credentials.LedgerKeys;
import org.junit.jupiter.api.Test;

/** The global configuration is read from and exported to Configuration as Code. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {
    @Test
    @ConfiguredWithCode("casc.yml")
    void shouldReadAndExportTheEnvironmentRules(final JenkinsConfiguredWithCodeRule j) throws Exception {
        DataOpsConfiguration configuration = DataOpsConfiguration.get();

        assertThat(configuration.getDefaultSpec()).isEqualTo("data/dataops.yaml");
        assertThat(configuration.getEnvironments()).hasSize(2);
        EnvironmentRule prod = configuration.ruleFor("prod").orElseThrow();
        assertThat(prod.isProtectedEnvironment()).isTrue();
        assertThat(prod.groups()).containsExactly("release-managers");
        assertThat(prod.allowedIds()).containsExactly("azure-prod", "prod-sql");
        assertThat(configuration.ruleFor("pr-42")).isPresent();
        assertThat(configuration.getLedgerKeyCredentialsId()).isEqualTo("dataops-ledger-key");
        assertThat(LedgerKeys.configured()).isNotNull();
        assertThat(configuration.getGcJobs()).isEqualTo("data/customer-gc");
        assertThat(configuration.getGcIntervalMinutes()).isEqualTo(30);
        assertThat(configuration.gcSchedule().jobs()).containsExactly("data/customer-gc");

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = Util.toYamlString(Util.getUnclassifiedRoot(context).get("dataOps"));
        assertThat(exported)
                .contains(
                        "defaultSpec: \"data/dataops.yaml\"",
                        "name: \"prod\"",
                        "protectedEnvironment: true",
                        "approverGroups: \"release-managers\"",
                        "ledgerKeyCredentialsId: \"dataops-ledger-key\"",
                        "gcJobs: \"data/customer-gc\"",
                        "gcIntervalMinutes: 30");
    }
}
