package io.jenkins.plugins.dataops.engine.impact;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A database object that depends on what a pending schema change drops, renames or retypes.
 *
 * @param change     the change, as {@code SchemaChange#describe()} words it
 * @param kind       view, foreign key, unique or index
 * @param name       the object
 * @param definition its definition in the environment
 */
public record DependentObject(String change, String kind, String name, String definition) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public DependentObject {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }

    /** @return e.g. {@code view CUSTOMER_EMAILS depends on it: drop column customer.email} */
    public String describe() {
        return "%s %s depends on it: %s".formatted(kind, name, change);
    }

    /** @return the dependent as a map of strings */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("change", change);
        map.put("kind", kind);
        map.put("name", name);
        map.put("definition", definition);
        return map;
    }
}
