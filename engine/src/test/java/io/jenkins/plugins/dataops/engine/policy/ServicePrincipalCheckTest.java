package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
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
}
