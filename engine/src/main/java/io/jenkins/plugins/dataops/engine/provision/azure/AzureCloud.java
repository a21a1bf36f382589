package io.jenkins.plugins.dataops.engine.provision.azure;

import com.azure.core.management.AzureEnvironment;
import com.azure.identity.AzureAuthorityHosts;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The Azure clouds a service principal can live in, with their endpoints. */
public enum AzureCloud {
    /** The public cloud. */
    AZURE_CLOUD("AzureCloud", AzureEnvironment.AZURE, AzureAuthorityHosts.AZURE_PUBLIC_CLOUD, "database.windows.net"),
    /** Azure operated by 21Vianet in China. */
    AZURE_CHINA_CLOUD(
            "AzureChinaCloud",
            AzureEnvironment.AZURE_CHINA,
            AzureAuthorityHosts.AZURE_CHINA,
            "database.chinacloudapi.cn"),
    /** Azure Government (US). */
    AZURE_US_GOVERNMENT(
            "AzureUSGovernment",
            AzureEnvironment.AZURE_US_GOVERNMENT,
            AzureAuthorityHosts.AZURE_GOVERNMENT,
            "database.usgovcloudapi.net");

    private final String cloudName;
    private final AzureEnvironment environment;
    private final String authorityHost;
    private final String sqlDnsSuffix;

    AzureCloud(
            final String cloudName,
            final AzureEnvironment environment,
            final String authorityHost,
            final String sqlDnsSuffix) {
        this.cloudName = cloudName;
        this.environment = environment;
        this.authorityHost = authorityHost;
        this.sqlDnsSuffix = sqlDnsSuffix;
    }

    /**
     * Finds a cloud by the name the Azure CLI uses.
     *
     * @param name {@code AzureCloud}, {@code AzureChinaCloud} or {@code AzureUSGovernment} (case-insensitive)
     * @return the cloud
     * @throws InvalidInputException naming the valid clouds for any other name
     */
    public static AzureCloud of(final String name) {
        return Arrays.stream(values())
                .filter(c -> c.cloudName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown Azure cloud '%s'; use one of %s."
                        .formatted(
                                name,
                                Arrays.stream(values())
                                        .map(AzureCloud::cloudName)
                                        .collect(Collectors.joining(", ")))));
    }

    /**
     * Returns the name the Azure CLI uses for this cloud.
     *
     * @return e.g. {@code AzureCloud}
     */
    public String cloudName() {
        return cloudName;
    }

    AzureEnvironment environment() {
        return environment;
    }

    /**
     * Returns the Microsoft Entra authority host service principals of this cloud log in at.
     *
     * @return e.g. {@code https://login.microsoftonline.com/}
     */
    public String authorityHost() {
        return authorityHost;
    }

    /**
     * Returns the DNS suffix of Azure SQL logical servers in this cloud.
     *
     * @return e.g. {@code database.windows.net}
     */
    public String sqlDnsSuffix() {
        return sqlDnsSuffix;
    }
}
