package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A throw-away environment made from the spec's ephemeral template.
 *
 * @param name      its name, e.g. {@code pr-42}
 * @param expiresAt when {@code gc} may destroy it
 * @param plan      what creating it did
 */
public record EphemeralEnvironment(String name, Instant expiresAt, ProvisioningPlan plan) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public EphemeralEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(plan, "plan");
    }
}
