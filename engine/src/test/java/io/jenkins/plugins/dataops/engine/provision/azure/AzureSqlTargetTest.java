package io.jenkins.plugins.dataops.engine.provision.azure;

import static io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JDBC target per cloud, the Microsoft Entra option, and the checks on the spec keys. No HTTP at all. */
class AzureSqlTargetTest {
    private final AzureSqlProvisioner provisioner = new AzureSqlProvisioner(principal -> {
        throw new AssertionError("target() must not connect to Azure");
    });

    @ParameterizedTest
    @CsvSource({
        "AzureCloud, database.windows.net",
        "AzureChinaCloud, database.chinacloudapi.cn",
        "AzureUSGovernment, database.usgovcloudapi.net"
    })
    void shouldReturnTheJdbcUrlWithTheDnsSuffixOfTheCloud(final String cloud, final String suffix) {
        // Given a service principal in that cloud
        ProvisioningContext context = withCloud(cloud);

        // When
        DatabaseTarget target = provisioner.target(context);

        // Then
        assertThat(target.jdbcUrl())
                .isEqualTo("jdbc:sqlserver://sql-customer-prod." + suffix + ":1433;database=customer;"
                        + "encrypt=true;trustServerCertificate=false;hostNameInCertificate=*." + suffix
                        + ";loginTimeout=30");
        assertThat(target.user()).isEqualTo(ADMIN_LOGIN);
        assertThat(target.password()).isEqualTo(ADMIN_PASSWORD);
        assertThat(target.dialect()).isEqualTo(Dialect.SQLSERVER);
        assertThat(target.toString()).doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void shouldLogInWithTheServicePrincipalWhenAadAuthenticationIsOn() {
        // Given
        ProvisioningContext context =
                context(with(with(settings(), "aadAuthentication", true), "database", "sales"), ProgressListener.NONE);

        // When
        DatabaseTarget target = provisioner.target(context);

        // Then
        assertThat(target.jdbcUrl())
                .contains(";database=sales;")
                .endsWith(";loginTimeout=30;authentication=ActiveDirectoryServicePrincipal");
        assertThat(target.user()).isEqualTo("client-1");
        assertThat(target.password()).isEqualTo(CLIENT_SECRET);
    }

    @Test
    void shouldNameTheDatabaseOfAnEphemeralEnvironmentAfterIt() {
        // Given
        ProvisioningContext context =
                AzureFixtures.context("pr-7", settings(), ProgressListener.NONE, Instant.parse("2030-01-01T00:00:00Z"));

        // When / Then
        assertThat(provisioner.target(context).jdbcUrl()).contains(";database=customer-pr-7;");
    }

    @Test
    void shouldRejectAnUnknownCloud() {
        assertThatThrownBy(() -> provisioner.target(withCloud("AzureGermanCloud")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "Unknown Azure cloud 'AzureGermanCloud'; use one of AzureCloud, AzureChinaCloud, AzureUSGovernment.");
    }

    @Test
    void shouldRejectMalformedKeysNamingEnvironmentAndKey() {
        assertThatThrownBy(
                        () -> provisioner.target(context(with(settings(), "maxSizeGb", "big"), ProgressListener.NONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Environment 'prod': 'maxSizeGb' must be a positive whole number of GB, not 'big'.");
        assertThatThrownBy(() -> provisioner.target(context(
                        with(settings(), "firewall", List.of(Map.of("name", "office", "start", "203.0.113.0"))),
                        ProgressListener.NONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Environment 'prod': every 'firewall' entry needs 'end' (name, start, end)");
        assertThatThrownBy(() -> provisioner.target(
                        context(with(settings(), "tags", Map.of("dataops-owner", "x")), ProgressListener.NONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tag 'dataops-owner' is reserved");
        assertThatThrownBy(() -> provisioner.target(context(without("server"), ProgressListener.NONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Environment 'prod' (provider 'azure-sql') needs the key 'server'.");
    }

    @Test
    void shouldBuildAProductionConnectionWithoutContactingAzure() {
        // Given a service principal of the US Government cloud
        ServicePrincipal principal =
                new ServicePrincipal("tenant", "client", CLIENT_SECRET, "sub-1", "AzureUSGovernment");

        // When
        ArmConnection connection = ArmConnection.forServicePrincipal(principal);

        // Then
        assertThat(connection.subscriptionId()).isEqualTo("sub-1");
        assertThat(connection.profile().getEnvironment().getResourceManagerEndpoint())
                .isEqualTo("https://management.usgovcloudapi.net/");
        assertThat(AzureCloud.of("azurechinacloud").authorityHost()).isEqualTo("https://login.chinacloudapi.cn/");
    }

    private static ProvisioningContext withCloud(final String cloud) {
        MapCredentialsResolver credentials = new MapCredentialsResolver()
                .withServicePrincipal("azure-prod", new ServicePrincipal("t", "c", CLIENT_SECRET, "s", cloud))
                .withLogin("sql-prod-admin", new UsernamePassword(ADMIN_LOGIN, ADMIN_PASSWORD));
        ProvisioningContext base = context(settings(), ProgressListener.NONE);
        return new ProvisioningContext(
                base.spec(), base.environment(), credentials, ProgressListener.NONE, "alice", BUILD, null);
    }

    private static Map<String, Object> without(final String key) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(settings());
        settings.remove(key);
        return settings;
    }
}
