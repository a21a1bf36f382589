package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;

/** Builds the connection to Azure Resource Manager for a service principal. */
@FunctionalInterface
public interface ArmConnectionFactory {
    /** The production factory: the real cloud of the service principal. */
    ArmConnectionFactory AZURE = ArmConnection::forServicePrincipal;

    /**
     * Connects for a service principal.
     *
     * @param principal the service principal from the environment's {@code credentials} id
     * @return the connection
     */
    ArmConnection connect(ServicePrincipal principal);
}
