package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.FirewallRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans {@code destroy}: the database, the server and the resource group go only when they carry this
 * environment's tags, and a server or resource group that still holds something else is kept. Firewall
 * rules carry no tags: they go with an owned server and are otherwise left in place.
 */
final class DestroyPlanner {
    private static final String MASTER = "master";

    private final AzureSqlSettings settings;
    private final ArmGateway arm;
    private final ProgressListener progress;

    DestroyPlanner(final AzureSqlSettings settings, final ArmGateway arm, final ProgressListener progress) {
        this.settings = settings;
        this.arm = arm;
        this.progress = progress;
    }

    List<PlannedChange> plan(final AzureSqlState state) {
        String group = settings.resourceGroup();
        String serverName = settings.server();
        List<PlannedChange> changes = new ArrayList<>();

        boolean dropDatabase =
                state.database().map(d -> settings.owns(d.tags())).orElse(false);
        if (dropDatabase) {
            changes.add(delete(
                    AzureSqlPlanner.DATABASE,
                    settings.database(),
                    "",
                    "database",
                    () -> arm.deleteDatabase(group, serverName, settings.database())));
        } else {
            changes.add(keep(
                    AzureSqlPlanner.DATABASE,
                    settings.database(),
                    state.database().isPresent()));
        }

        boolean dropServer = false;
        if (state.server().isPresent() && settings.owns(state.server().get().tags())) {
            List<String> others = arm.listDatabaseNames(group, serverName).stream()
                    .filter(n -> !MASTER.equalsIgnoreCase(n)
                            && !(dropDatabase && AzureSqlPlanner.sameName(n, settings.database())))
                    .toList();
            dropServer = others.isEmpty();
            if (dropServer) {
                changes.add(delete(
                        AzureSqlPlanner.SERVER,
                        serverName,
                        "with its firewall rules",
                        "SQL server",
                        () -> arm.deleteServer(group, serverName)));
            } else {
                progress.warn("SQL server '%s' is kept: it still holds databases %s.".formatted(serverName, others));
                changes.add(PlannedChange.noOp(
                        AzureSqlPlanner.SERVER, serverName, "kept, still holds databases " + others));
            }
        } else {
            changes.add(keep(AzureSqlPlanner.SERVER, serverName, state.server().isPresent()));
        }
        for (FirewallRule rule : state.firewallRules()) {
            changes.add(
                    dropServer
                            ? PlannedChange.of(
                                    new ResourceChange(
                                            AzureSqlPlanner.FIREWALL_RULE,
                                            rule.name(),
                                            ChangeAction.DELETE,
                                            rule.range() + ", with the server"),
                                    "",
                                    () -> {})
                            : PlannedChange.noOp(
                                    AzureSqlPlanner.FIREWALL_RULE, rule.name(), rule.range() + ", left in place"));
        }
        changes.add(resourceGroup(state, dropServer));
        return changes;
    }

    private PlannedChange resourceGroup(final AzureSqlState state, final boolean dropServer) {
        String group = settings.resourceGroup();
        if (state.resourceGroup().isEmpty()
                || !settings.owns(state.resourceGroup().get().tags())) {
            return keep(
                    AzureSqlPlanner.RESOURCE_GROUP, group, state.resourceGroup().isPresent());
        }
        String serverPath =
                "/providers/microsoft.sql/servers/" + settings.server().toLowerCase(Locale.ROOT);
        List<String> others = arm.listResourceIds(group).stream()
                .filter(id -> !(dropServer && isUnder(id.toLowerCase(Locale.ROOT), serverPath)))
                .toList();
        if (!others.isEmpty()) {
            progress.warn("Resource group '%s' is kept: it still holds %d resource(s) that are not this environment's."
                    .formatted(group, others.size()));
            return PlannedChange.noOp(
                    AzureSqlPlanner.RESOURCE_GROUP, group, "kept, still holds " + others.size() + " other resource(s)");
        }
        return delete(
                AzureSqlPlanner.RESOURCE_GROUP, group, "", "resource group", () -> arm.deleteResourceGroup(group));
    }

    private static boolean isUnder(final String id, final String serverPath) {
        int at = id.indexOf(serverPath);
        return at >= 0 && (id.length() == at + serverPath.length() || id.charAt(at + serverPath.length()) == '/');
    }

    private static PlannedChange delete(
            final String type, final String name, final String detail, final String label, final Runnable write) {
        return PlannedChange.of(
                new ResourceChange(type, name, ChangeAction.DELETE, detail),
                "Deleting %s '%s'...".formatted(label, name),
                write);
    }

    private static PlannedChange keep(final String type, final String name, final boolean exists) {
        return PlannedChange.noOp(type, name, exists ? "not owned by this environment; left in place" : "absent");
    }
}
