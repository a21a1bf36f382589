package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#destroy} found: the plan that was removed.
 *
 * @param plan the resource changes of the environment
 */
public record DestroyResult(ProvisioningPlan plan) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public DestroyResult {
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * Returns the value both front ends show (the step's return value, {@code --json}).
     *
     * @return {@code environment, provider, changes, created, updated, unchanged, deleted, summary} and
     *     {@code destroyed}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.planMap(plan);
        map.put("destroyed", true);
        return map;
    }
}
