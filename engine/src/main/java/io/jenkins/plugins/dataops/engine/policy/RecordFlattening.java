package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a record's evidence into plain values a front end can persist and send between processes
 * ({@link LinkedHashMap}, {@link ArrayList}, String, Long, Integer, Double, Boolean; any other value becomes its
 * text), and masks secrets in it. Masking replaces a text value only when it IS a secret: a record is
 * evidence, so a username {@code sa} must not turn {@code sales} into {@code ****les}. Hiding secrets inside
 * free text is the console's job.
 */
public final class RecordFlattening {
    /** What a masked value becomes. */
    public static final String MASK = "****";

    private RecordFlattening() {}

    /**
     * Flattens evidence without masking.
     *
     * @param evidence the evidence
     * @return a plain copy
     */
    public static LinkedHashMap<String, Object> plain(final Map<?, ?> evidence) {
        return copyMap(evidence, Set.of());
    }

    /**
     * Returns a record whose actor, outcome and evidence texts that equal a secret are masked. The hash is
     * kept as it was: a masked record is re-chained before it is stored.
     *
     * @param record  the record
     * @param secrets the secret values (blank ones are ignored)
     * @return the masked record with plain evidence
     */
    public static GovernanceRecord masked(final GovernanceRecord record, final Collection<String> secrets) {
        Set<String> hidden = Set.copyOf(
                secrets.stream().filter(s -> s != null && !s.isBlank()).toList());
        GovernanceEvent event = record.event();
        GovernanceEvent masked = new GovernanceEvent(
                mask(event.actor(), hidden),
                event.action(),
                event.product(),
                event.environment(),
                event.release(),
                mask(event.outcome(), hidden),
                event.buildRef(),
                copyMap(event.evidence(), hidden));
        return new GovernanceRecord(record.sequence(), record.timeMillis(), masked, record.prev(), record.hash());
    }

    private static String mask(final String text, final Set<String> secrets) {
        return secrets.contains(text) ? MASK : text;
    }

    private static LinkedHashMap<String, Object> copyMap(final Map<?, ?> map, final Set<String> secrets) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value, secrets)));
        return copy;
    }

    private static Object copyValue(final Object value, final Set<String> secrets) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, secrets);
        }
        if (value instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copyValue(item, secrets)));
            return copy;
        }
        if (value == null
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return mask(String.valueOf(value), secrets);
    }
}
