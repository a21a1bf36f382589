package io.jenkins.plugins.dataops.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.microsoft.azure.util.AzureCredentials;
import hudson.AbortException;
import hudson.model.FreeStyleBuild;
import hudson.util.Secret;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The azure-credentials plugin's "Azure Service Principal" resolves like the plugin's own type. */
@WithJenkins
class AzureCredentialsPluginSupportTest {
    private static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String SECRET = "a-client-secret-of-some-length";

    private static AzureCredentials principal(final String id, final String cloud) {
        AzureCredentials credentials =
                new AzureCredentials(CredentialsScope.GLOBAL, id, "", GUID, GUID, Secret.fromString(SECRET));
        credentials.setTenant(GUID);
        credentials.setAzureEnvironmentName(cloud);
        return credentials;
    }

    @Test
    void shouldResolveAnAzureServicePrincipalOfTheAzureCredentialsPlugin(final JenkinsRule j) throws Exception {
        // Given
        SystemCredentialsProvider.getInstance().getCredentials().add(principal("azure-sp", "Azure China"));
        SystemCredentialsProvider.getInstance().save();
        FreeStyleBuild run = j.buildAndAssertSuccess(j.createFreeStyleProject());

        // When
        CredentialsBridge bridge = CredentialsBridge.resolve(run, List.of("azure-sp"));

        // Then
        assertThat(AzureCredentialsPluginSupport.isAvailable()).isTrue();
        assertThat(bridge.getResolver().servicePrincipal("azure-sp"))
                .isEqualTo(new ServicePrincipal(GUID, GUID, SECRET, GUID, "AzureChinaCloud"));
        assertThat(bridge.getMasks()).contains(SECRET);
    }

    @Test
    void shouldRefuseACloudTheEngineCannotReachNamingTheId(final JenkinsRule j) throws Exception {
        // Given
        SystemCredentialsProvider.getInstance().getCredentials().add(principal("azure-de", "Azure Germany"));
        SystemCredentialsProvider.getInstance().save();
        FreeStyleBuild run = j.buildAndAssertSuccess(j.createFreeStyleProject());

        // Then
        assertThatThrownBy(() -> CredentialsBridge.resolve(run, List.of("azure-de")))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Azure credentials 'azure-de' cannot be used: Cloud 'Azure Germany'")
                .hasMessageNotContaining(SECRET);
    }
}
