package io.jenkins.plugins.dataops.engine.provision.azure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What exists in Azure for one environment, as read before planning.
 *
 * @param resourceGroup the resource group, empty when absent
 * @param server        the logical SQL server, empty when absent
 * @param database      the database, empty when absent
 * @param firewallRules every firewall rule of the server (empty when the server is absent)
 */
record AzureSqlState(
        Optional<Group> resourceGroup,
        Optional<Server> server,
        Optional<Database> database,
        List<FirewallRule> firewallRules) {
    AzureSqlState {
        firewallRules = List.copyOf(firewallRules);
    }

    /** Nothing exists yet. */
    static AzureSqlState empty() {
        return new AzureSqlState(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** A resource group. */
    record Group(String name, String location, Map<String, String> tags) {
        Group {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /** A logical SQL server. */
    record Server(String name, String location, String administratorLogin, Map<String, String> tags) {
        Server {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /**
     * A database.
     *
     * @param serviceObjective the SKU as the spec writes it (ARM's current service objective, e.g. {@code S1})
     * @param maxSizeBytes     the maximum size, null when unknown
     */
    record Database(String name, String serviceObjective, Long maxSizeBytes, Map<String, String> tags) {
        Database {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /** A server-level firewall rule; Azure gives these no tags. */
    record FirewallRule(String name, String startIpAddress, String endIpAddress) {
        String range() {
            return startIpAddress + " - " + endIpAddress;
        }
    }
}
