package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.FirewallRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles the server's firewall rules as a complete set: declared rules are created or updated, rules the
 * spec does not declare are reported and deleted only with {@code removeUnmanagedFirewallRules: true}. The
 * Azure-services rule (0.0.0.0) exists only when the spec says {@code allowAzureServices: true}: on a server
 * this environment owns it is removed otherwise.
 */
final class FirewallPlanner {
    private final AzureSqlSettings settings;
    private final ArmGateway arm;
    private final ProgressListener progress;

    FirewallPlanner(final AzureSqlSettings settings, final ArmGateway arm, final ProgressListener progress) {
        this.settings = settings;
        this.arm = arm;
        this.progress = progress;
    }

    /**
     * Plans the firewall rules.
     *
     * @param actual    the rules the server has (none when it does not exist yet)
     * @param ownServer whether this environment owns the server
     * @return one change per declared rule, then one per undeclared rule
     */
    List<PlannedChange> plan(final List<FirewallRule> actual, final boolean ownServer) {
        List<PlannedChange> changes = new ArrayList<>();
        for (FirewallRule wanted : settings.firewall()) {
            changes.add(declared(
                    wanted,
                    actual.stream()
                            .filter(r -> AzureSqlPlanner.sameName(r.name(), wanted.name()))
                            .findFirst()));
        }
        for (FirewallRule rule : actual) {
            if (settings.firewall().stream().noneMatch(r -> AzureSqlPlanner.sameName(r.name(), rule.name()))) {
                changes.add(undeclared(rule, ownServer));
            }
        }
        return changes;
    }

    private PlannedChange declared(final FirewallRule wanted, final Optional<FirewallRule> actual) {
        if (actual.isEmpty()) {
            return PlannedChange.of(
                    new ResourceChange(
                            AzureSqlPlanner.FIREWALL_RULE, wanted.name(), ChangeAction.CREATE, wanted.range()),
                    "Creating firewall rule '%s' (%s)...".formatted(wanted.name(), wanted.range()),
                    () -> arm.putFirewallRule(settings.resourceGroup(), settings.server(), wanted));
        }
        FirewallRule existing = actual.get();
        if (existing.startIpAddress().equals(wanted.startIpAddress())
                && existing.endIpAddress().equals(wanted.endIpAddress())) {
            return PlannedChange.noOp(AzureSqlPlanner.FIREWALL_RULE, wanted.name(), wanted.range());
        }
        String detail = existing.range() + " -> " + wanted.range();
        return PlannedChange.of(
                new ResourceChange(AzureSqlPlanner.FIREWALL_RULE, wanted.name(), ChangeAction.UPDATE, detail),
                "Updating firewall rule '%s': %s...".formatted(wanted.name(), detail),
                () -> arm.putFirewallRule(settings.resourceGroup(), settings.server(), wanted));
    }

    private PlannedChange undeclared(final FirewallRule rule, final boolean ownServer) {
        boolean azureServices = AzureSqlPlanner.sameName(rule.name(), AzureSqlSettings.AZURE_SERVICES_RULE);
        if (settings.removeUnmanagedFirewallRules() || azureServices && ownServer) {
            String why = azureServices && !settings.removeUnmanagedFirewallRules()
                    ? "Azure services access, spec has no 'allowAzureServices: true'"
                    : "unmanaged, not in the spec";
            return PlannedChange.of(
                    new ResourceChange(
                            AzureSqlPlanner.FIREWALL_RULE, rule.name(), ChangeAction.DELETE, rule.range() + ", " + why),
                    "Removing firewall rule '%s' (%s): %s...".formatted(rule.name(), rule.range(), why),
                    () -> arm.deleteFirewallRule(settings.resourceGroup(), settings.server(), rule.name()));
        }
        progress.warn(("Firewall rule '%s' (%s) on SQL server '%s' is not in the spec; it is kept. Declare it, or set "
                        + "'removeUnmanagedFirewallRules: true' to remove it.")
                .formatted(rule.name(), rule.range(), settings.server()));
        return PlannedChange.noOp(
                AzureSqlPlanner.FIREWALL_RULE,
                rule.name(),
                rule.range() + ", unmanaged, not in the spec: kept (removeUnmanagedFirewallRules is false)");
    }
}
