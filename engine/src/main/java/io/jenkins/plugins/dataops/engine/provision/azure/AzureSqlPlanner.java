package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.Database;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.Group;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Diffs the spec with what exists and plans the writes: resource group, server, database, then firewall rules
 * as a complete set. Reads happen before planning; writes only when a {@link PlannedChange} is run.
 */
final class AzureSqlPlanner {
    static final String RESOURCE_GROUP = "resource-group";
    static final String SERVER = "sql-server";
    static final String DATABASE = "database";
    static final String FIREWALL_RULE = "firewall-rule";
    private static final String NOT_OWNED = "not owned by this environment (no matching dataops tags); left unchanged";

    private final AzureSqlSettings settings;
    private final ArmGateway arm;
    private final Supplier<UsernamePassword> administrator;
    private final ProgressListener progress;

    AzureSqlPlanner(
            final AzureSqlSettings settings,
            final ArmGateway arm,
            final Supplier<UsernamePassword> administrator,
            final ProgressListener progress) {
        this.settings = settings;
        this.arm = arm;
        this.administrator = administrator;
        this.progress = progress;
    }

    /** Reads what exists: at most one request per resource kind, nothing below a missing parent. */
    AzureSqlState readState() {
        Optional<Group> group = arm.findResourceGroup(settings.resourceGroup());
        if (group.isEmpty()) {
            return AzureSqlState.empty();
        }
        Optional<Server> server = arm.findServer(settings.resourceGroup(), settings.server());
        if (server.isEmpty()) {
            return new AzureSqlState(group, server, Optional.empty(), List.of());
        }
        return new AzureSqlState(
                group,
                server,
                arm.findDatabase(settings.resourceGroup(), settings.server(), settings.database()),
                arm.listFirewallRules(settings.resourceGroup(), settings.server()));
    }

    /** Plans what {@code apply} does. */
    List<PlannedChange> planApply(final AzureSqlState state) {
        List<PlannedChange> changes = new ArrayList<>();
        changes.add(resourceGroup(state.resourceGroup()));
        changes.add(server(state.server()));
        changes.add(database(state.database()));
        boolean ownServer = state.server().map(s -> settings.owns(s.tags())).orElse(true);
        changes.addAll(new FirewallPlanner(settings, arm, progress).plan(state.firewallRules(), ownServer));
        return changes;
    }

    private PlannedChange resourceGroup(final Optional<Group> actual) {
        String name = settings.resourceGroup();
        if (actual.isEmpty()) {
            return PlannedChange.of(
                    new ResourceChange(RESOURCE_GROUP, name, ChangeAction.CREATE, "location " + settings.location()),
                    "Creating resource group '%s' in %s...".formatted(name, settings.location()),
                    () -> arm.putResourceGroup(name, settings.location(), settings.tags()));
        }
        Group group = actual.get();
        if (!settings.owns(group.tags())) {
            return PlannedChange.noOp(RESOURCE_GROUP, name, "exists, " + NOT_OWNED);
        }
        List<String> differences = settings.tagDifferences(group.tags());
        if (differences.isEmpty()) {
            return PlannedChange.noOp(RESOURCE_GROUP, name, "");
        }
        return update(
                RESOURCE_GROUP,
                name,
                differences,
                "resource group",
                () -> arm.putResourceGroup(name, group.location(), settings.mergedTags(group.tags())));
    }

    private PlannedChange server(final Optional<Server> actual) {
        String name = settings.server();
        if (actual.isEmpty()) {
            return PlannedChange.of(
                    new ResourceChange(
                            SERVER,
                            name,
                            ChangeAction.CREATE,
                            "location " + settings.location() + ", admin login from credentials '"
                                    + settings.sqlCredentials() + "'"),
                    "Creating SQL server '%s' in %s (this takes a few minutes)...".formatted(name, settings.location()),
                    () -> {
                        UsernamePassword login = administrator.get();
                        arm.createServer(
                                settings.resourceGroup(),
                                name,
                                settings.location(),
                                login.username(),
                                login.password(),
                                settings.tags());
                    });
        }
        Server server = actual.get();
        if (!settings.owns(server.tags())) {
            return PlannedChange.noOp(SERVER, name, "exists, " + NOT_OWNED);
        }
        List<String> differences = settings.tagDifferences(server.tags());
        if (differences.isEmpty()) {
            return PlannedChange.noOp(SERVER, name, "");
        }
        return update(
                SERVER,
                name,
                differences,
                "SQL server",
                () -> arm.updateServerTags(settings.resourceGroup(), name, settings.mergedTags(server.tags())));
    }

    private PlannedChange database(final Optional<Database> actual) {
        String name = settings.database();
        String size = settings.maxSizeBytes()
                .map(b -> ", max " + gigabytes(b) + " GB")
                .orElse("");
        if (actual.isEmpty()) {
            return PlannedChange.of(
                    new ResourceChange(DATABASE, name, ChangeAction.CREATE, "sku " + settings.sku() + size),
                    "Creating database '%s' (%s%s)...".formatted(name, settings.sku(), size),
                    () -> arm.putDatabase(
                            settings.resourceGroup(),
                            settings.server(),
                            name,
                            settings.location(),
                            settings.sku(),
                            settings.maxSizeBytes().orElse(null),
                            settings.tags()));
        }
        Database database = actual.get();
        if (!settings.owns(database.tags())) {
            return PlannedChange.noOp(DATABASE, name, "exists, " + NOT_OWNED);
        }
        List<String> differences = new ArrayList<>();
        if (!settings.sku().equalsIgnoreCase(database.serviceObjective())) {
            differences.add("sku " + database.serviceObjective() + " -> " + settings.sku());
        }
        settings.maxSizeBytes()
                .filter(bytes -> !bytes.equals(database.maxSizeBytes()))
                .ifPresent(bytes -> differences.add("max size "
                        + (database.maxSizeBytes() == null ? "(default)" : gigabytes(database.maxSizeBytes()) + " GB")
                        + " -> " + gigabytes(bytes) + " GB"));
        differences.addAll(settings.tagDifferences(database.tags()));
        if (differences.isEmpty()) {
            return PlannedChange.noOp(DATABASE, name, "sku " + database.serviceObjective());
        }
        return update(
                DATABASE,
                name,
                differences,
                "database",
                () -> arm.putDatabase(
                        settings.resourceGroup(),
                        settings.server(),
                        name,
                        settings.location(),
                        settings.sku(),
                        settings.maxSizeBytes().orElse(null),
                        settings.mergedTags(database.tags())));
    }

    private static PlannedChange update(
            final String type,
            final String name,
            final List<String> differences,
            final String label,
            final Runnable write) {
        String detail = String.join(", ", differences);
        return PlannedChange.of(
                new ResourceChange(type, name, ChangeAction.UPDATE, detail),
                "Updating %s '%s': %s...".formatted(label, name, detail),
                write);
    }

    static long gigabytes(final long bytes) {
        return bytes / (1024L * 1024 * 1024);
    }

    static boolean sameName(final String a, final String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
