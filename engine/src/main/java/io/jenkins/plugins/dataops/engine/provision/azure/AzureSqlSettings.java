package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureSqlState.FirewallRule;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code azure-sql} keys of one environment, read once and checked.
 *
 * @param credentials        the credentials id of the service principal
 * @param sqlCredentials     the credentials id of the SQL administrator login
 * @param resourceGroup      the resource group
 * @param server             the logical server name (without DNS suffix)
 * @param location           the Azure region
 * @param database           the database name
 * @param sku                the SKU / service objective, e.g. {@code S0}
 * @param maxSizeBytes       the maximum database size, empty to keep Azure's default for the SKU
 * @param firewall           the firewall rules the spec declares (with AllowAllWindowsAzureIps when asked for)
 * @param removeUnmanagedFirewallRules whether rules not in the spec are deleted
 * @param aadAuthentication  whether migrate and test steps log in with the service principal (Microsoft Entra)
 * @param tags               the tags every owned resource gets
 */
record AzureSqlSettings(
        String credentials,
        String sqlCredentials,
        String resourceGroup,
        String server,
        String location,
        String database,
        String sku,
        Optional<Long> maxSizeBytes,
        List<FirewallRule> firewall,
        boolean removeUnmanagedFirewallRules,
        boolean aadAuthentication,
        Map<String, String> tags) {
    /** The firewall rule Azure uses for "allow Azure services and resources to access this server". */
    static final String AZURE_SERVICES_RULE = "AllowAllWindowsAzureIps";

    static final String TAG_PRODUCT = "dataops-product";
    static final String TAG_ENVIRONMENT = "dataops-environment";
    static final String TAG_MANAGED = "dataops-managed";
    static final String TAG_BUILD = "dataops-build";
    static final String TAG_EXPIRES = "dataops-expires";
    private static final String RESERVED_TAG_PREFIX = "dataops-";
    private static final long GIB = 1024L * 1024 * 1024;

    AzureSqlSettings {
        firewall = List.copyOf(firewall);
        tags = Map.copyOf(tags);
    }

    /**
     * Reads the settings of the context's environment.
     *
     * @param context the environment, product, build reference and expiry
     * @return the settings
     * @throws InvalidInputException naming the environment and key for a missing or malformed value
     */
    static AzureSqlSettings of(final ProvisioningContext context) {
        EnvironmentSpec env = context.environment();
        String product = context.spec().product();
        String defaultDatabase = context.expiry().isPresent() ? product + "-" + env.name() : product;
        return new AzureSqlSettings(
                env.requiredString("credentials"),
                env.requiredString("sqlCredentials"),
                env.requiredString("resourceGroup"),
                env.requiredString("server"),
                env.requiredString("location"),
                env.optionalString("database").orElse(defaultDatabase),
                env.optionalString("sku").orElse("S0"),
                maxSize(env),
                firewall(env),
                env.flag("removeUnmanagedFirewallRules", false),
                env.flag("aadAuthentication", false),
                tags(context));
    }

    /**
     * Tells whether a resource carries this environment's ownership tags.
     *
     * @param resourceTags the tags of an existing resource
     * @return true when DataOps manages it for this product and environment
     */
    boolean owns(final Map<String, String> resourceTags) {
        return "true".equals(resourceTags.get(TAG_MANAGED))
                && tags.get(TAG_PRODUCT).equals(resourceTags.get(TAG_PRODUCT))
                && tags.get(TAG_ENVIRONMENT).equals(resourceTags.get(TAG_ENVIRONMENT));
    }

    /**
     * Lists the tags that differ; the build reference is recorded on every write but never compared, so an
     * unchanged environment stays unchanged from build to build.
     *
     * @param actual the tags of an existing resource
     * @return e.g. {@code tag owner=x -> y}; empty when nothing differs
     */
    List<String> tagDifferences(final Map<String, String> actual) {
        List<String> differences = new ArrayList<>();
        tags.entrySet().stream()
                .filter(e -> !TAG_BUILD.equals(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().equals(actual.get(e.getKey())))
                .forEach(e -> differences.add(
                        "tag " + e.getKey() + " " + actual.getOrDefault(e.getKey(), "(none)") + " -> " + e.getValue()));
        return differences;
    }

    /**
     * Returns the tags to write: the existing ones (others may have set some) with ours on top.
     *
     * @param actual the tags of an existing resource
     * @return the merged tags
     */
    Map<String, String> mergedTags(final Map<String, String> actual) {
        Map<String, String> merged = new LinkedHashMap<>(actual);
        merged.putAll(tags);
        return merged;
    }

    private static Optional<Long> maxSize(final EnvironmentSpec env) {
        Object value = env.settings().get("maxSizeGb");
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && number.longValue() > 0 && number.doubleValue() == number.longValue()) {
            return Optional.of(number.longValue() * GIB);
        }
        throw new InvalidInputException("Environment '%s': 'maxSizeGb' must be a positive whole number of GB, not '%s'."
                .formatted(env.name(), value));
    }

    private static List<FirewallRule> firewall(final EnvironmentSpec env) {
        List<FirewallRule> rules = new ArrayList<>();
        for (Map<String, Object> entry : env.entries("firewall")) {
            rules.add(new FirewallRule(part(env, entry, "name"), part(env, entry, "start"), part(env, entry, "end")));
        }
        if (env.flag("allowAzureServices", false)) {
            rules.add(new FirewallRule(AZURE_SERVICES_RULE, "0.0.0.0", "0.0.0.0"));
        } else if (rules.stream().anyMatch(r -> AZURE_SERVICES_RULE.equalsIgnoreCase(r.name()))) {
            throw new InvalidInputException(
                    "Environment '%s': use 'allowAzureServices: true' instead of a firewall rule named '%s'."
                            .formatted(env.name(), AZURE_SERVICES_RULE));
        }
        return rules;
    }

    private static String part(final EnvironmentSpec env, final Map<String, Object> entry, final String key) {
        Object value = entry.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new InvalidInputException(
                    "Environment '%s': every 'firewall' entry needs '%s' (name, start, end); found %s."
                            .formatted(env.name(), key, entry));
        }
        return String.valueOf(value);
    }

    private static Map<String, String> tags(final ProvisioningContext context) {
        EnvironmentSpec env = context.environment();
        Map<String, String> tags = new LinkedHashMap<>();
        Object extra = env.settings().get("tags");
        if (extra instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (name.toLowerCase(Locale.ROOT).startsWith(RESERVED_TAG_PREFIX)) {
                    throw new InvalidInputException(
                            "Environment '%s': tag '%s' is reserved; tags starting with '%s' are set by DataOps."
                                    .formatted(env.name(), name, RESERVED_TAG_PREFIX));
                }
                tags.put(name, String.valueOf(value));
            });
        } else if (extra != null) {
            throw new InvalidInputException(
                    "Environment '%s': 'tags' must be a map of names to values.".formatted(env.name()));
        }
        tags.put(TAG_PRODUCT, context.spec().product());
        tags.put(TAG_ENVIRONMENT, env.name());
        tags.put(TAG_MANAGED, "true");
        tags.put(TAG_BUILD, context.buildRef());
        context.expiry().map(AzureSqlSettings::expiry).ifPresent(expiry -> tags.put(TAG_EXPIRES, expiry));
        return tags;
    }

    private static String expiry(final Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
