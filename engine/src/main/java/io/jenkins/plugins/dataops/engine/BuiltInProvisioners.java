package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.provision.ProvisionerRegistry;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlProvisioner;
import io.jenkins.plugins.dataops.engine.provision.h2.H2Provisioner;
import io.jenkins.plugins.dataops.engine.provision.postgres.PostgresProvisioner;
import java.util.List;

/**
 * Assembles the registry of the providers that ship with the engine. It lives in the facade's package, the only
 * one that may see every package: the providers depend on {@code provision}, so {@code provision} must not name
 * them back.
 */
public final class BuiltInProvisioners {
    private BuiltInProvisioners() {}

    /**
     * Returns the registry of every built-in provider.
     *
     * @return h2, postgres and azure-sql
     */
    public static ProvisionerRegistry registry() {
        return new ProvisionerRegistry(
                List.of(new H2Provisioner(), new PostgresProvisioner(), new AzureSqlProvisioner()));
    }
}
