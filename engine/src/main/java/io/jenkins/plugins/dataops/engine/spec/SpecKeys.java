package io.jenkins.plugins.dataops.engine.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The keys the spec accepts, where, and the type of each value. The loader owns no other knowledge of keys. */
final class SpecKeys {
    /** The type of a value in the spec. */
    enum Type {
        STRING,
        BOOLEAN,
        INTEGER,
        DURATION,
        STRING_LIST,
        MAP_LIST,
        STRING_MAP,
        MAPPING
    }

    static final Map<String, Type> TOP_LEVEL = ordered(
            "product",
            Type.STRING,
            "changelog",
            Type.STRING,
            "checks",
            Type.STRING,
            "promotion",
            Type.STRING_LIST,
            "environments",
            Type.MAPPING,
            "ephemeral",
            Type.MAPPING,
            "allow",
            Type.MAPPING,
            "gates",
            Type.MAPPING,
            "onFailure",
            Type.STRING,
            "lockTimeout",
            Type.DURATION,
            "searchPath",
            Type.STRING_LIST,
            "extensions",
            Type.STRING_LIST,
            "stateSchema",
            Type.STRING);

    static final Set<String> REQUIRED_TOP_LEVEL = Set.of("product", "changelog", "environments");

    static final Map<String, Type> ALLOW = ordered("noRollback", Type.BOOLEAN, "destructive", Type.BOOLEAN);

    static final Map<String, Type> GATES = ordered("maxTestAge", Type.DURATION, "drift", Type.STRING);

    static final List<String> ON_FAILURE = List.of("rollback", "keep");

    /** Keys every environment may have, whatever its provider. */
    static final Map<String, Type> COMMON =
            ordered("provider", Type.STRING, "protected", Type.BOOLEAN, "description", Type.STRING);

    /** Keys only the ephemeral template has. */
    static final Map<String, Type> EPHEMERAL = ordered("ttl", Type.DURATION);

    static final Map<String, Map<String, Type>> PROVIDERS = Map.of(
            "h2", Map.of(),
            "postgres",
                    ordered(
                            "url",
                            Type.STRING,
                            "credentials",
                            Type.STRING,
                            "database",
                            Type.STRING,
                            "role",
                            Type.STRING,
                            "roleCredentials",
                            Type.STRING),
            "azure-sql",
                    ordered(
                            "credentials",
                            Type.STRING,
                            "sqlCredentials",
                            Type.STRING,
                            "resourceGroup",
                            Type.STRING,
                            "server",
                            Type.STRING,
                            "location",
                            Type.STRING,
                            "database",
                            Type.STRING,
                            "sku",
                            Type.STRING,
                            "maxSizeGb",
                            Type.INTEGER,
                            "firewall",
                            Type.MAP_LIST,
                            "removeUnmanagedFirewallRules",
                            Type.BOOLEAN,
                            "allowAzureServices",
                            Type.BOOLEAN,
                            "tags",
                            Type.STRING_MAP,
                            "aadAuthentication",
                            Type.BOOLEAN));

    static final Map<String, Set<String>> REQUIRED_BY_PROVIDER = Map.of(
            "h2", Set.of(),
            "postgres", Set.of("url", "credentials"),
            "azure-sql", Set.of("credentials", "sqlCredentials", "resourceGroup", "server", "location"));

    /** The keys of one firewall rule. */
    static final Map<String, Type> FIREWALL_RULE =
            ordered("name", Type.STRING, "start", Type.STRING, "end", Type.STRING);

    private SpecKeys() {}

    private static Map<String, Type> ordered(final Object... pairs) {
        Map<String, Type> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Type) pairs[i + 1]);
        }
        return map;
    }
}
