package io.jenkins.plugins.dataops.engine.provision;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.util.List;

/**
 * The provisioning port: makes an environment's infrastructure match the spec. Every method is idempotent.
 * Providers: {@code h2} (embedded default), {@code postgres} (database and role on an existing server),
 * {@code azure-sql} (server, database and firewall rules through Azure Resource Manager).
 */
public interface Provisioner {
    /**
     * Returns the provider name used in the spec.
     *
     * @return e.g. {@code h2}
     */
    String provider();

    /**
     * Reads the current state and compares it with the spec. Changes nothing.
     *
     * @param context the environment and its credentials
     * @return create / update / no-op per resource (and delete for unmanaged resources the spec removes)
     * @throws DataOpsException when the current state cannot be read
     */
    ProvisioningPlan plan(ProvisioningContext context);

    /**
     * Makes the environment match the spec, writing only what differs.
     *
     * @param context the environment and its credentials
     * @return the plan that was applied
     * @throws DataOpsException naming the resource when a change fails; a re-run converges
     */
    ProvisioningPlan apply(ProvisioningContext context);

    /**
     * Removes what this product owns in the environment (never a resource it did not create).
     *
     * @param context the environment and its credentials
     * @return the resources deleted (or already absent, as no-op)
     */
    ProvisioningPlan destroy(ProvisioningContext context);

    /**
     * Returns where the environment's database is and the login the migrate and test steps use.
     *
     * @param context the environment and its credentials
     * @return the database target
     */
    DatabaseTarget target(ProvisioningContext context);

    /**
     * Finds the product's ephemeral environments where they live (the provider's own marks, see
     * {@link EphemeralMarks}), so that {@code gc} needs no registry in the workspace. Providers that cannot list
     * their environments find none.
     *
     * @param template the product's ephemeral template, as a context (its credentials and server)
     * @return the environments found, with their owner and expiry
     * @throws DataOpsException when the provider's state cannot be read
     */
    default List<EphemeralRegistry.Entry> findEphemeral(final ProvisioningContext template) {
        return List.of();
    }
}
