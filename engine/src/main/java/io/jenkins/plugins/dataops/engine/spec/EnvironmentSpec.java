package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment of a data product as the spec declares it: its name, provider and the provider's
 * settings. Settings are validated by {@link SpecLoader} against the provider's keys; values are plain
 * YAML values (String, Boolean, Integer, Long, List, Map).
 */
public final class EnvironmentSpec {
    private final String name;
    private final String provider;
    private final Map<String, Object> settings;

    /**
     * Creates an environment.
     *
     * @param name     the environment name
     * @param provider the provider: {@code h2}, {@code postgres} or {@code azure-sql}
     * @param settings all keys of the environment, including {@code provider}
     */
    public EnvironmentSpec(final String name, final String provider, final Map<String, Object> settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public String name() {
        return name;
    }

    public String provider() {
        return provider;
    }

    /**
     * Returns every key of the environment as written in the spec.
     *
     * @return the settings, read-only
     */
    public Map<String, Object> settings() {
        return settings;
    }

    /**
     * Returns a copy of this environment under another name, e.g. {@code pr-42} from the ephemeral template.
     *
     * @param newName the new name
     * @return the renamed environment
     */
    public EnvironmentSpec withName(final String newName) {
        return new EnvironmentSpec(newName, provider, settings);
    }

    /**
     * Returns the credentials id of the environment, if it has one.
     *
     * @return the credentials id
     */
    public Optional<String> credentials() {
        return optionalString("credentials");
    }

    /**
     * Tells whether promotions into this environment need an approval by someone other than the requester.
     *
     * @return true for protected environments
     */
    public boolean isProtected() {
        return Boolean.TRUE.equals(settings.get("protected"));
    }

    /**
     * Returns the time to live of an ephemeral environment, if set ({@code ttl: 4h}).
     *
     * @return the time to live
     */
    public Optional<Duration> ttl() {
        return optionalString("ttl").map(DurationParser::parse);
    }

    /**
     * Returns an optional string setting.
     *
     * @param key the key
     * @return its value
     */
    public Optional<String> optionalString(final String key) {
        Object value = settings.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /**
     * Returns a required string setting.
     *
     * @param key the key
     * @return its value
     * @throws InvalidInputException naming the environment and key when it is missing
     */
    public String requiredString(final String key) {
        return optionalString(key)
                .orElseThrow(() -> new InvalidInputException(
                        "Environment '%s' (provider '%s') needs the key '%s'.".formatted(name, provider, key)));
    }

    /**
     * Returns a boolean setting.
     *
     * @param key          the key
     * @param defaultValue the value when the key is absent
     * @return its value
     */
    public boolean flag(final String key, final boolean defaultValue) {
        Object value = settings.get(key);
        return value instanceof Boolean b ? b : defaultValue;
    }

    /**
     * Returns a list-of-maps setting (e.g. firewall rules), empty when absent.
     *
     * @param key the key
     * @return the entries
     */
    @SuppressWarnings("unchecked") // the loader checked that the value is a list of maps
    public List<Map<String, Object>> entries(final String key) {
        Object value = settings.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @Override
    public String toString() {
        return "EnvironmentSpec[" + name + ", " + provider + "]";
    }
}
