package io.jenkins.plugins.dataops.engine.provision.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.ResourceManagementClient;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceExpandedInner;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.fluent.SqlManagementClient;
import com.azure.resourcemanager.sql.fluent.models.DatabaseInner;
import com.azure.resourcemanager.sql.fluent.models.FirewallRuleInner;
import com.azure.resourcemanager.sql.models.ServerUpdate;
import com.azure.resourcemanager.sql.models.Sku;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.Database;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.FirewallRule;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.Group;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.Server;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All calls to Azure Resource Manager, one method per request kind: {@code find...} is a GET with 404 mapped
 * to empty, {@code put...} an idempotent PUT, {@code delete...} a DELETE. Long-running operations are waited
 * for. Every failure becomes a {@link io.jenkins.plugins.dataops.engine.kernel.DataOpsException} naming the resource.
 */
final class ArmGateway {
    private static final int NOT_FOUND = 404;

    private final ResourceManagementClient resources;
    private final SqlServerManager sql;
    private final SqlManagementClient sqlClient;
    private final ArmFailures failures;

    ArmGateway(final ArmConnection connection, final ArmFailures failures) {
        this.resources = ResourceManager.authenticate(connection.pipeline(), connection.profile())
                .withSubscription(connection.subscriptionId())
                .serviceClient();
        this.sql = SqlServerManager.authenticate(connection.pipeline(), connection.profile());
        this.sqlClient = sql.serviceClient();
        this.failures = failures;
    }

    Optional<Group> findResourceGroup(final String name) {
        return find(
                        "read resource group '%s'".formatted(name),
                        () -> resources.getResourceGroups().get(name))
                .map(g -> new Group(g.name(), g.location(), g.tags()));
    }

    void putResourceGroup(final String name, final String location, final Map<String, String> tags) {
        call(
                "write resource group '%s'".formatted(name),
                () -> resources
                        .getResourceGroups()
                        .createOrUpdate(
                                name,
                                new ResourceGroupInner().withLocation(location).withTags(tags)));
    }

    void deleteResourceGroup(final String name) {
        run(
                "delete resource group '%s'".formatted(name),
                () -> resources.getResourceGroups().delete(name));
    }

    List<String> listResourceIds(final String resourceGroup) {
        return call(
                "list the resources of resource group '%s'".formatted(resourceGroup),
                () -> stream(resources.getResources().listByResourceGroup(resourceGroup))
                        .map(GenericResourceExpandedInner::id)
                        .collect(Collectors.toList()));
    }

    Optional<Server> findServer(final String resourceGroup, final String name) {
        return find(
                        "read SQL server '%s' in resource group '%s'".formatted(name, resourceGroup),
                        () -> sqlClient.getServers().getByResourceGroup(resourceGroup, name))
                .map(s -> new Server(s.name(), s.location(), s.administratorLogin(), s.tags()));
    }

    /** Creates a server through the fluent API; firewall rules, Azure services included, are reconciled apart. */
    void createServer(
            final String resourceGroup,
            final String name,
            final String location,
            final String login,
            final String password,
            final Map<String, String> tags) {
        call(
                "create SQL server '%s' in resource group '%s'".formatted(name, resourceGroup),
                () -> sql.sqlServers()
                        .define(name)
                        .withRegion(location)
                        .withExistingResourceGroup(resourceGroup)
                        .withAdministratorLogin(login)
                        .withAdministratorPassword(password)
                        .withoutAccessFromAzureServices()
                        .withTags(tags)
                        .create());
    }

    void updateServerTags(final String resourceGroup, final String name, final Map<String, String> tags) {
        call(
                "update the tags of SQL server '%s' in resource group '%s'".formatted(name, resourceGroup),
                () -> sqlClient.getServers().update(resourceGroup, name, new ServerUpdate().withTags(tags)));
    }

    void deleteServer(final String resourceGroup, final String name) {
        run(
                "delete SQL server '%s' in resource group '%s'".formatted(name, resourceGroup),
                () -> sqlClient.getServers().delete(resourceGroup, name));
    }

    Optional<Database> findDatabase(final String resourceGroup, final String server, final String name) {
        return find(
                        "read database '%s' on SQL server '%s'".formatted(name, server),
                        () -> sqlClient.getDatabases().get(resourceGroup, server, name))
                .map(ArmGateway::toDatabase);
    }

    List<String> listDatabaseNames(final String resourceGroup, final String server) {
        return call(
                "list the databases of SQL server '%s'".formatted(server),
                () -> stream(sqlClient.getDatabases().listByServer(resourceGroup, server))
                        .map(DatabaseInner::name)
                        .collect(Collectors.toList()));
    }

    /** Creates or updates a database with one PUT; ARM derives the tier from the SKU name. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    void putDatabase(
            final String resourceGroup,
            final String server,
            final String name,
            final String location,
            final String sku,
            final Long maxSizeBytes,
            final Map<String, String> tags) {
        DatabaseInner inner = new DatabaseInner()
                .withLocation(location)
                .withTags(tags)
                .withSku(new Sku().withName(sku))
                .withMaxSizeBytes(maxSizeBytes);
        call(
                "write database '%s' (%s) on SQL server '%s'".formatted(name, sku, server),
                () -> sqlClient.getDatabases().createOrUpdate(resourceGroup, server, name, inner));
    }

    void deleteDatabase(final String resourceGroup, final String server, final String name) {
        run(
                "delete database '%s' on SQL server '%s'".formatted(name, server),
                () -> sqlClient.getDatabases().delete(resourceGroup, server, name));
    }

    List<FirewallRule> listFirewallRules(final String resourceGroup, final String server) {
        return call(
                "list the firewall rules of SQL server '%s'".formatted(server),
                () -> stream(sqlClient.getFirewallRules().listByServer(resourceGroup, server))
                        .map(r -> new FirewallRule(r.name(), r.startIpAddress(), r.endIpAddress()))
                        .collect(Collectors.toList()));
    }

    void putFirewallRule(final String resourceGroup, final String server, final FirewallRule rule) {
        call(
                "write firewall rule '%s' of SQL server '%s'".formatted(rule.name(), server),
                () -> sqlClient
                        .getFirewallRules()
                        .createOrUpdate(
                                resourceGroup,
                                server,
                                rule.name(),
                                new FirewallRuleInner()
                                        .withStartIpAddress(rule.startIpAddress())
                                        .withEndIpAddress(rule.endIpAddress())));
    }

    void deleteFirewallRule(final String resourceGroup, final String server, final String name) {
        run(
                "delete firewall rule '%s' of SQL server '%s'".formatted(name, server),
                () -> sqlClient.getFirewallRules().delete(resourceGroup, server, name));
    }

    private static Database toDatabase(final DatabaseInner inner) {
        String objective = inner.currentServiceObjectiveName() != null
                ? inner.currentServiceObjectiveName()
                : inner.requestedServiceObjectiveName() != null
                        ? inner.requestedServiceObjectiveName()
                        : inner.sku() == null ? "" : inner.sku().name();
        return new Database(inner.name(), objective, inner.maxSizeBytes(), inner.tags());
    }

    private static <T> Stream<T> stream(final Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false);
    }

    private <T> Optional<T> find(final String action, final Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw failures.translate(action, e);
        } catch (RuntimeException e) {
            throw failures.translate(action, e);
        }
    }

    private <T> T call(final String action, final Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            throw failures.translate(action, e);
        }
    }

    private void run(final String action, final Runnable write) {
        call(action, () -> {
            write.run();
            return null;
        });
    }
}
