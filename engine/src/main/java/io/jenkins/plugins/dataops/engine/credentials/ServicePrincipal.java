package io.jenkins.plugins.dataops.engine.credentials;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * An Azure service principal. {@link #toString()} never shows the client secret.
 *
 * @param tenantId       the Microsoft Entra tenant
 * @param clientId       the application (client) id
 * @param clientSecret   the client secret
 * @param subscriptionId the subscription the resources live in
 * @param cloud          {@code AzureCloud} (public), {@code AzureChinaCloud} or {@code AzureUSGovernment}
 */
public record ServicePrincipal(
        String tenantId, String clientId, String clientSecret, String subscriptionId, String cloud)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public ServicePrincipal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(cloud, "cloud");
    }

    @Override
    public String toString() {
        return "ServicePrincipal[tenant=" + tenantId + ", client=" + clientId + ", secret=****, subscription="
                + subscriptionId + ", cloud=" + cloud + "]";
    }
}
