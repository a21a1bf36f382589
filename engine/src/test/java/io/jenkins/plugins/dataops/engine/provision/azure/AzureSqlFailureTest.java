package io.jenkins.plugins.dataops.engine.provision.azure;

import static io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.RecordingProgress;
import io.jenkins.plugins.dataops.engine.provision.azure.FakeArm.Request;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling, transient errors, denied access, quota, name conflicts and failed long-running operations. */
class AzureSqlFailureTest {
    private static final String SERVERS = "/providers/Microsoft.Sql/servers/";
    private FakeArm arm;
    private AzureSqlProvisioner provisioner;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void startFake() {
        arm = FakeArm.start();
        provisioner = new AzureSqlProvisioner(principal -> arm.connection());
    }

    @AfterEach
    void stopFake() {
        arm.close();
    }

    @Test
    void shouldRetryAThrottledRequestAndSucceed() {
        // Given ARM throttles the first server write
        arm.inject("PUT", SERVERS + SERVER, 429, "TooManyRequests", "Rate limit exceeded, retry later.", 1);

        // When
        ProvisioningPlan plan = provisioner.apply(context(settings(), progress));

        // Then
        assertThat(plan.count(ChangeAction.CREATE)).isEqualTo(4);
        assertThat(arm.requests())
                .filteredOn(r -> "PUT".equals(r.method()) && r.path().endsWith(SERVERS + SERVER))
                .extracting(Request::status)
                .containsExactly(429, 202);
        assertThat(arm.resource(FakeArm.serverPath(GROUP, SERVER))).isPresent();
    }

    @Test
    void shouldRetryTransientServerErrorsAndSucceed() {
        // Given ARM fails the database write twice with 503
        arm.inject("PUT", "/databases/" + DATABASE, 503, "ServiceUnavailable", "Try again.", 2);

        // When
        provisioner.apply(context(settings(), progress));

        // Then
        assertThat(arm.requests())
                .filteredOn(r -> "PUT".equals(r.method()) && r.path().endsWith("/databases/" + DATABASE))
                .extracting(Request::status)
                .containsExactly(503, 503, 202);
        assertThat(arm.resource(FakeArm.databasePath(GROUP, SERVER, DATABASE))).isPresent();
    }

    @Test
    void shouldReportARejectedLoginInOneLineNamingTheResource() {
        // Given ARM rejects the token
        arm.inject(
                "GET",
                "/resourcegroups/" + GROUP,
                401,
                "InvalidAuthenticationToken",
                "The access token is invalid.",
                1);

        // When / Then
        assertThatThrownBy(() -> provisioner.apply(context(settings(), progress)))
                .isInstanceOf(DataOpsException.class)
                .hasMessage(
                        "Azure rejected the login of the service principal (credentials 'azure-prod') while trying to "
                                + "read resource group 'rg-customer-prod' (401 InvalidAuthenticationToken): The access token is "
                                + "invalid. Check its tenant, client id, client secret and cloud.");
        assertThat(arm.writes()).isEmpty();
    }

    @Test
    void shouldReportMissingPermissionsNamingTheResource() {
        // Given the service principal may read but not create servers
        arm.inject(
                "PUT",
                SERVERS + SERVER,
                403,
                "AuthorizationFailed",
                "The client 'client-1' does not have "
                        + "authorization to perform action 'Microsoft.Sql/servers/write' over scope '/subscriptions/x'.",
                1);

        // When / Then
        assertThatThrownBy(() -> provisioner.apply(context(settings(), progress)))
                .isInstanceOf(DataOpsException.class)
                .hasMessageStartingWith("The service principal (credentials 'azure-prod') is not allowed to create SQL "
                        + "server 'sql-customer-prod' in resource group 'rg-customer-prod' (403 AuthorizationFailed): "
                        + "The client 'client-1' does not have authorization")
                .hasMessageEndingWith(
                        "Grant it the role described in docs/azure.md on the resource group or subscription.")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void shouldReportAQuotaError() {
        // Given the subscription has no server quota left in the region
        arm.inject(
                "PUT",
                SERVERS + SERVER,
                409,
                "ServerQuotaExceeded",
                "Server quota exceeded for subscription in region westeurope.",
                1);

        // When / Then
        assertThatThrownBy(() -> provisioner.apply(context(settings(), progress)))
                .isInstanceOf(DataOpsException.class)
                .hasMessageStartingWith(
                        "Azure quota exceeded: cannot create SQL server 'sql-customer-prod' in resource "
                                + "group 'rg-customer-prod' (409 ServerQuotaExceeded)");
    }

    @Test
    void shouldReportANameConflict() {
        // Given the server name is taken in another subscription
        arm.inject(
                "PUT",
                SERVERS + SERVER,
                409,
                "ServerNameAlreadyExists",
                "The server name 'sql-customer-prod' already exists. Choose a different server name.",
                1);

        // When / Then
        assertThatThrownBy(() -> provisioner.apply(context(settings(), progress)))
                .isInstanceOf(DataOpsException.class)
                .hasMessageStartingWith("Name conflict: cannot create SQL server 'sql-customer-prod' in resource group "
                        + "'rg-customer-prod' (409 ServerNameAlreadyExists)")
                .hasMessageContaining("Logical server names are global across Azure");
    }

    @Test
    void shouldReportAFailedLongRunningOperationAndConvergeOnTheNextRun() {
        // Given the database creation ends Failed
        arm.failOperation(
                "PUT",
                "/databases/" + DATABASE,
                "ProvisioningDisabled",
                "Provisioning of the Standard edition is disabled for this subscription.");

        // When
        assertThatThrownBy(() -> provisioner.apply(context(settings(), progress)))
                .isInstanceOf(DataOpsException.class)
                .hasMessage("Azure could not write database 'customer' (S1) on SQL server 'sql-customer-prod' "
                        + "(operation ended Failed ProvisioningDisabled): Provisioning of the Standard edition is disabled for this "
                        + "subscription.");
        ProvisioningPlan next = provisioner.plan(context(settings(), progress));

        // Then
        assertThat(next.changes())
                .extracting(ResourceChange::render)
                .containsExactly(
                        "= resource-group rg-customer-prod",
                        "= sql-server sql-customer-prod",
                        "+ database customer (sku S1)",
                        "+ firewall-rule office (203.0.113.0 - 203.0.113.255)");
        provisioner.apply(context(settings(), progress));
        assertThat(provisioner.plan(context(settings(), progress)).hasChanges()).isFalse();
    }

    @Test
    void shouldNeverShowSecretsInMessagesProgressOrPlans() {
        // Given an error whose text echoes both secrets
        arm.inject(
                "PUT",
                SERVERS + SERVER,
                400,
                "InvalidParameterValue",
                "Password '" + ADMIN_PASSWORD + "' does not meet the policy; client secret " + CLIENT_SECRET
                        + " was used.",
                1);
        List<String> texts = new ArrayList<>();

        // When
        assertThatThrownBy(() -> provisioner.apply(context(settings(), progress)))
                .isInstanceOfSatisfying(DataOpsException.class, e -> {
                    texts.add(e.getMessage());
                    texts.add(e.getCause().getMessage());
                    texts.add(e.toString());
                });
        provisioner.apply(context(settings(), progress));
        texts.add(provisioner.plan(context(settings(), progress)).render());
        texts.add(provisioner.destroy(context(settings(), progress)).render());
        texts.add(provisioner.target(context(settings(), progress)).toString());
        texts.addAll(progress.lines());

        // Then
        assertThat(texts.get(0)).contains("Password '****' does not meet the policy; client secret **** was used.");
        assertThat(String.join("\n", texts)).doesNotContain(ADMIN_PASSWORD).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void shouldFailBeforeAnyRequestWhenCredentialsAreMissing() {
        // Given an unknown SQL credentials id
        // When / Then
        assertThatThrownBy(() -> provisioner.apply(context(with(settings(), "sqlCredentials", "nope"), progress)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'nope'");
        assertThat(arm.requests()).isEmpty();
    }
}
