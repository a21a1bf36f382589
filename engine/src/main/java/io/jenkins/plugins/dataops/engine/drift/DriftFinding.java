package io.jenkins.plugins.dataops.engine.drift;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One difference between what an environment should contain and what it contains.
 *
 * @param kind     table, column, primary key, foreign key, unique, index, view, sequence, or changeset
 * @param name     the object, e.g. {@code CUSTOMER.EMAIL}, or the changeset's key
 * @param change   what differs
 * @param expected what the changelog gives; empty when the object should not exist
 * @param live     what the environment has; empty when it lacks the object
 */
public record DriftFinding(String kind, String name, Change change, String expected, String live)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** How an object differs. */
    public enum Change {
        /** In the environment, not in the changelog's schema (e.g. a column added by hand). */
        ADDED,
        /** In the changelog's schema, missing in the environment (e.g. an index dropped by hand). */
        REMOVED,
        /** In both, with another definition (e.g. a changed type). */
        CHANGED,
        /** An applied changeset whose checksum differs from the changelog's: it was edited after it ran. */
        CHECKSUM_CHANGED,
        /** An applied changeset the changelog no longer declares. */
        NOT_IN_CHANGELOG;

        /** @return the lower-case, dashed form used in maps and output */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Validates the parts. */
    public DriftFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(live, "live");
    }

    /**
     * Describes the finding in one line.
     *
     * @return e.g. {@code column CUSTOMER.NOTES added: expected (none), live VARCHAR(200) NULL}
     */
    public String describe() {
        return "%s %s %s: expected %s, live %s".formatted(kind, name, change.label(), orNone(expected), orNone(live));
    }

    /** @return the finding as a map of strings (JSON output, evidence, the pipeline step's return value) */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("name", name);
        map.put("change", change.label());
        map.put("expected", expected);
        map.put("live", live);
        return map;
    }

    private static String orNone(final String value) {
        return value.isEmpty() ? "(none)" : value;
    }
}
