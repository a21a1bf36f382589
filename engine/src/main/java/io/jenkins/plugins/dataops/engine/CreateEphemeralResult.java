package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#createEphemeral} made: a throw-away environment from the spec's ephemeral template.
 *
 * @param name      its name, e.g. {@code pr-42}
 * @param expiresAt when {@code gc} may destroy it
 * @param plan      what creating it did
 */
public record CreateEphemeralResult(String name, Instant expiresAt, ProvisioningPlan plan) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public CreateEphemeralResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * Returns the value both front ends show.
     *
     * @return the plan's keys (see {@link ProvisionResult#toMap()}) and {@code applied, ephemeral, name,
     *     expiresAt}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.planMap(plan);
        map.put("applied", true);
        map.put("ephemeral", true);
        map.put("name", name);
        map.put("expiresAt", expiresAt.toString());
        return map;
    }
}
