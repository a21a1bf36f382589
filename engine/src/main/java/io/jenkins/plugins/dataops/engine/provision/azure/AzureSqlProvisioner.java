package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.provision.Provisioner;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.util.List;
import java.util.Objects;

/**
 * The {@code azure-sql} provider: a resource group, a logical SQL server, a database and the server's firewall
 * rules through Azure Resource Manager, all tagged with the product, the environment, {@code dataops-managed},
 * the build and, for an ephemeral environment, its expiry. Keys: see {@code docs/azure.md}.
 *
 * <p>{@link #plan} only reads; {@link #apply} writes only what the plan shows as changed, in order, so a failed
 * apply is converged by the next run; {@link #destroy} removes only what carries this environment's tags.</p>
 */
public final class AzureSqlProvisioner implements Provisioner {
    /** The provider name in the spec. */
    public static final String PROVIDER = "azure-sql";

    private final ArmConnectionFactory connections;

    /** Creates the provider for the real Azure clouds. */
    public AzureSqlProvisioner() {
        this(ArmConnectionFactory.AZURE);
    }

    /**
     * Creates the provider with another way to reach Azure Resource Manager (tests: a local fake).
     *
     * @param connections builds the connection for a service principal
     */
    public AzureSqlProvisioner(final ArmConnectionFactory connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ProvisioningPlan plan(final ProvisioningContext context) {
        Session session = open(context);
        return toPlan(context, session.planner().planApply(session.planner().readState()));
    }

    @Override
    public ProvisioningPlan apply(final ProvisioningContext context) {
        Session session = open(context);
        List<PlannedChange> changes =
                session.planner().planApply(session.planner().readState());
        run(context, changes);
        return toPlan(context, changes);
    }

    @Override
    public ProvisioningPlan destroy(final ProvisioningContext context) {
        Session session = open(context);
        List<PlannedChange> changes = new DestroyPlanner(session.settings(), session.arm(), context.progress())
                .plan(session.planner().readState());
        run(context, changes);
        return toPlan(context, changes);
    }

    /**
     * Returns the JDBC URL of the environment's database and the login for the migrate and test steps: the SQL
     * administrator from {@code sqlCredentials}, or with {@code aadAuthentication: true} the service principal
     * through Microsoft Entra ({@code authentication=ActiveDirectoryServicePrincipal}). Makes no request.
     *
     * @param context the environment and its credentials
     * @return the database target
     */
    @Override
    public DatabaseTarget target(final ProvisioningContext context) {
        AzureSqlSettings settings = AzureSqlSettings.of(context);
        ServicePrincipal principal = context.credentials().servicePrincipal(settings.credentials());
        String suffix = AzureCloud.of(principal.cloud()).sqlDnsSuffix();
        String url = ("jdbc:sqlserver://%s.%s:1433;database=%s;encrypt=true;trustServerCertificate=false;"
                        + "hostNameInCertificate=*.%s;loginTimeout=30")
                .formatted(settings.server(), suffix, settings.database(), suffix);
        if (settings.aadAuthentication()) {
            return new DatabaseTarget(
                    context.environment().name(),
                    url + ";authentication=ActiveDirectoryServicePrincipal",
                    principal.clientId(),
                    principal.clientSecret());
        }
        UsernamePassword login = context.credentials().usernamePassword(settings.sqlCredentials());
        return new DatabaseTarget(context.environment().name(), url, login.username(), login.password());
    }

    private Session open(final ProvisioningContext context) {
        AzureSqlSettings settings = AzureSqlSettings.of(context);
        // Resolve both credentials before the first request, so a missing id fails before anything changes.
        ServicePrincipal principal = context.credentials().servicePrincipal(settings.credentials());
        UsernamePassword administrator = context.credentials().usernamePassword(settings.sqlCredentials());
        ArmFailures failures = new ArmFailures(
                "credentials '" + settings.credentials() + "'",
                List.of(principal.clientSecret(), administrator.password()));
        ArmGateway arm = new ArmGateway(connections.connect(principal), failures);
        return new Session(settings, arm, new AzureSqlPlanner(settings, arm, () -> administrator, context.progress()));
    }

    private static void run(final ProvisioningContext context, final List<PlannedChange> changes) {
        for (PlannedChange change : changes) {
            if (change.writes()) {
                if (!change.progress().isEmpty()) {
                    context.progress().info(change.progress());
                }
                // A failure propagates as one DataOpsException naming the resource; what was written before it
                // stays, and the next plan starts from there.
                change.write().run();
            }
        }
    }

    private static ProvisioningPlan toPlan(final ProvisioningContext context, final List<PlannedChange> changes) {
        return new ProvisioningPlan(
                context.environment().name(),
                PROVIDER,
                changes.stream().map(PlannedChange::change).toList());
    }

    private record Session(AzureSqlSettings settings, ArmGateway arm, AzureSqlPlanner planner) {}
}
