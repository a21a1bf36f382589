package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

class ServicePrincipalCheckTest {
    private static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void shouldAcceptAValidServicePrincipal() {
        assertThat(ServicePrincipalCheck.problems(new ServicePrincipal(GUID, GUID, "secret", GUID, "AzureChinaCloud")))
                .isEmpty();
    }

    @Test
    void shouldListEveryProblemWithoutTheSecret() {
        // When
        var problems = ServicePrincipalCheck.problems(new ServicePrincipal("tenant", "", "  ", GUID, "Mars"));

        // Then
        assertThat(problems)
                .containsExactly(
                        "Tenant ID 'tenant' is not a GUID; it looks like 00000000-0000-0000-0000-000000000000.",
                        "Client ID is required; copy it from the app registration in the Azure portal.",
                        "The client secret is required; create one under Certificates & secrets of the app.",
                        "Cloud 'Mars' is unknown; use one of [AzureCloud, AzureChinaCloud, AzureUSGovernment].");
    }

    @Test
    void shouldTakeABlankCloudAsTheDefault() {
        assertThat(ServicePrincipalCheck.cloudProblem("")).isEmpty();
    }

    @Test
    void shouldMapTheCloudNamesOfTheAzureCredentialsPlugin() {
        // When
        ServicePrincipal china = ServicePrincipalCheck.fromAzureCredentials(
                "azure-sp", new ServicePrincipal(GUID, " " + GUID, "s3cret", GUID, "Azure China"), false);
        ServicePrincipal blank = ServicePrincipalCheck.fromAzureCredentials(
                "azure-sp", new ServicePrincipal(GUID, GUID, "s3cret", GUID, ""), false);

        // Then
        assertThat(china).isEqualTo(new ServicePrincipal(GUID, GUID, "s3cret", GUID, "AzureChinaCloud"));
        assertThat(blank.cloud()).isEqualTo("AzureCloud");
        assertThat(ServicePrincipalCheck.fromAzureCredentials(
                                "azure-sp", new ServicePrincipal(GUID, GUID, "s", GUID, "Azure US Government"), false)
                        .cloud())
                .isEqualTo("AzureUSGovernment");
    }

    @Test
    void shouldNameTheIdAndEveryProblemOfAzureCredentialsWithoutTheSecret() {
        assertThatThrownBy(() -> ServicePrincipalCheck.fromAzureCredentials(
                        "azure-sp", new ServicePrincipal("", GUID, "hunter2", "sub", "Azure Germany"), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Azure credentials 'azure-sp' cannot be used: Cloud 'Azure Germany' is not "
                        + "supported; use one of [Azure, Azure China, Azure US Government].")
                .hasMessageContaining("Tenant ID is required")
                .hasMessageContaining("Subscription ID 'sub' is not a GUID")
                .hasMessageEndingWith("Fix them in the credentials store.")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldRefuseAzureCredentialsThatUseACertificate() {
        assertThatThrownBy(() -> ServicePrincipalCheck.fromAzureCredentials(
                        "azure-cert", new ServicePrincipal(GUID, GUID, "", GUID, "Azure"), true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Azure credentials 'azure-cert' authenticate with a certificate");
    }
}
