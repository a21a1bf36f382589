package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.provision.EphemeralRegistry;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves an environment name to what a provider needs: a declared environment, or a registered ephemeral one
 * (the template under its own name, with its expiry).
 */
final class Environments {
    private static final Duration DEFAULT_TTL = Duration.ofHours(4);

    private final DataProductSpec spec;
    private final Session session;
    private final EphemeralRegistry ephemeral;

    Environments(final DataProductSpec spec, final Session session) {
        this.spec = spec;
        this.session = session;
        this.ephemeral = new EphemeralRegistry(spec.stateDir());
    }

    EphemeralRegistry ephemeral() {
        return ephemeral;
    }

    ProvisioningContext context(final String name) {
        if (spec.environments().containsKey(name)) {
            return context(spec.environment(name), null);
        }
        Optional<EphemeralRegistry.Entry> entry = ephemeral.find(validName(name));
        if (entry.isPresent() && spec.ephemeral().isPresent()) {
            return context(spec.ephemeral().get().withName(name), entry.get().expiresAt());
        }
        return context(spec.environment(name), null); // throws, naming the declared environments
    }

    /** The context for creating a new ephemeral environment. */
    ProvisioningContext newEphemeral(final String name, final Duration ttl) {
        validName(name);
        if (spec.environments().containsKey(name)) {
            throw new InvalidInputException(("'%s' is a declared environment of '%s'; an ephemeral environment needs "
                            + "a name of its own, e.g. 'pr-42'.")
                    .formatted(name, spec.file()));
        }
        EnvironmentSpec template = spec.ephemeral()
                .orElseThrow(() -> new InvalidInputException(
                        "Spec '%s' has no 'ephemeral' template; add one, e.g. 'ephemeral: { provider: h2, ttl: 4h }'."
                                .formatted(spec.file())));
        Duration lifetime = ttl != null ? ttl : template.ttl().orElse(DEFAULT_TTL);
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new InvalidInputException(
                    "The ttl of ephemeral environment '%s' must be positive, not '%s'.".formatted(name, lifetime));
        }
        Instant expiresAt = session.clock().instant().plus(lifetime);
        return context(template.withName(name), expiresAt);
    }

    /**
     * The ephemeral template as a context (its provider, server and credentials), for finding the product's
     * ephemeral environments where they live.
     */
    Optional<ProvisioningContext> ephemeralTemplate() {
        return spec.ephemeral().map(template -> context(template, null));
    }

    boolean isEphemeral(final String name) {
        return !spec.environments().containsKey(name)
                && ephemeral.find(validName(name)).isPresent();
    }

    private ProvisioningContext context(final EnvironmentSpec environment, final Instant expiresAt) {
        return new ProvisioningContext(
                spec,
                environment,
                session.credentials(),
                session.progress(),
                session.actor(),
                session.buildRef(),
                expiresAt);
    }

    private static String validName(final String name) {
        if (!SpecLoader.NAME.matcher(name).matches()) {
            throw new InvalidInputException(("Environment name '%s' is not valid: use lower-case letters, digits and "
                            + "'-', starting with a letter (at most 40).")
                    .formatted(name));
        }
        return name;
    }
}
