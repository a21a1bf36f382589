package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * How long one release took from its first apply in the first environment of the promotion path to its first
 * deployment in a later environment.
 *
 * @param release           the release tag
 * @param startedAtMillis   its first successful deployment in the first environment of the path (epoch ms)
 * @param deliveredAtMillis its first successful deployment in this environment (epoch ms)
 */
public record LeadTime(String release, long startedAtMillis, long deliveredAtMillis) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public LeadTime {
        Objects.requireNonNull(release, "release");
        if (deliveredAtMillis < startedAtMillis) {
            throw new IllegalArgumentException("Lead time of release '%s' ends before it starts (%d < %d)"
                    .formatted(release, deliveredAtMillis, startedAtMillis));
        }
    }

    /** @return the lead time in milliseconds */
    public long leadTimeMillis() {
        return deliveredAtMillis - startedAtMillis;
    }

    /**
     * Returns the value the front ends show.
     *
     * @return {@code release, startedAt, deliveredAt, leadTimeMillis}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("startedAt", TimeValues.instant(startedAtMillis));
        map.put("deliveredAt", TimeValues.instant(deliveredAtMillis));
        map.put("leadTimeMillis", leadTimeMillis());
        return map;
    }
}
