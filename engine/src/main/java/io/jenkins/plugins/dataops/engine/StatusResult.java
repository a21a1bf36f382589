package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.impact.ImpactReport;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * What {@link DataOps#status} found.
 *
 * @param status the current tag and the pending changesets with their readiness findings
 * @param impact what the pending schema changes touch: the checks that break or follow them, and the views,
 *               keys and indexes that depend on them
 */
public record StatusResult(MigrationStatus status, ImpactReport impact) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public StatusResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(impact, "impact");
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code environment, currentTag, applied, pending} (each pending changeset with its findings) and
     *     {@code findings}: every finding of every check ({@code check, changeSet, detail}), and {@code impact}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.mapOf(status);
        map.put("impact", PlainValues.of(impact.toMap()));
        return map;
    }
}
