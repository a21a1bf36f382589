package io.jenkins.plugins.dataops.engine.provision;

import io.jenkins.plugins.dataops.engine.credentials.CredentialsResolver;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a provider needs for one operation on one environment.
 *
 * @param spec        the data product
 * @param environment the environment (for an ephemeral one: the template renamed)
 * @param credentials resolves the credentials ids of the environment
 * @param progress    where progress goes
 * @param owner       who the environment is provisioned for (the actor), recorded where the provider can
 * @param buildRef    the build reference (Jenkins build URL or "cli"), recorded where the provider can
 * @param expiresAt   for an ephemeral environment, when it may be garbage-collected; null otherwise
 */
public record ProvisioningContext(
        DataProductSpec spec,
        EnvironmentSpec environment,
        CredentialsResolver credentials,
        ProgressListener progress,
        String owner,
        String buildRef,
        Instant expiresAt) {
    /** Validates the parts. */
    public ProvisioningContext {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(buildRef, "buildRef");
    }

    /**
     * Returns the expiry of an ephemeral environment.
     *
     * @return the expiry, empty for a permanent environment
     */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Returns this context for another environment of the same template (the ephemeral template's server and
     * credentials, another name), without an expiry.
     *
     * @param name the environment's name
     * @return the context
     */
    public ProvisioningContext withEnvironment(final String name) {
        return new ProvisioningContext(spec, environment.withName(name), credentials, progress, owner, buildRef, null);
    }
}
