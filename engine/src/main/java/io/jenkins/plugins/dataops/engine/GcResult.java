package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What {@link DataOps#gc} destroyed.
 *
 * @param destroyed the names of the expired ephemeral environments destroyed
 */
public record GcResult(List<String> destroyed) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Copies the parts. */
    public GcResult {
        destroyed = List.copyOf(destroyed);
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code destroyed} (the names)
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("destroyed", new ArrayList<>(destroyed));
        return map;
    }
}
