package io.jenkins.plugins.dataops.engine.drift;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One object of a schema as the diff compares it. Constraints and indexes are identified by what they cover
 * (table and columns), not by their name: databases generate names that differ between two databases built
 * from the same changelog.
 *
 * @param kind       table, column, primary key, foreign key, unique, index, view or sequence
 * @param name       what identifies it, e.g. {@code CUSTOMER.EMAIL} or {@code ORDERS(CUSTOMER_ID)}
 * @param definition what is compared: type, nullability and default of a column, the query of a view, ...
 * @param label      shown with the definition but not compared, e.g. an index's name; may be empty
 */
public record SchemaObject(String kind, String name, String definition, String label) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(label, "label");
    }

    /** @return the key under which two snapshots are compared */
    public String key() {
        return kind + " " + name;
    }

    /** @return the definition with the label, as a finding shows it */
    public String shown() {
        return label.isEmpty() ? definition : definition + " (" + label + ")";
    }
}
