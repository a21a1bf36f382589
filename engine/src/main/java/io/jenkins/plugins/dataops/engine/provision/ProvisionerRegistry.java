package io.jenkins.plugins.dataops.engine.provision;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers the engine knows, by the name the spec uses. It names no provider itself (they depend on this
 * package); the facade's {@code BuiltInProvisioners} assembles the registry of the built-in ones.
 */
public final class ProvisionerRegistry {
    private final Map<String, Provisioner> providers = new LinkedHashMap<>();

    /**
     * Creates a registry of the given providers.
     *
     * @param provisioners the providers
     */
    public ProvisionerRegistry(final List<Provisioner> provisioners) {
        provisioners.forEach(p -> providers.put(p.provider(), p));
    }

    /**
     * Finds a provider.
     *
     * @param provider its name
     * @return the provisioner
     * @throws InvalidInputException for an unknown provider
     */
    public Provisioner get(final String provider) {
        Provisioner provisioner = providers.get(provider);
        if (provisioner == null) {
            throw new InvalidInputException(
                    "Unknown provider '%s'; known: %s.".formatted(provider, providers.keySet()));
        }
        return provisioner;
    }
}
