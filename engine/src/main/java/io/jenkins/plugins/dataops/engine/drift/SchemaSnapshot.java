package io.jenkins.plugins.dataops.engine.drift;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The objects of one schema, keyed for comparison. DataOps' own tables ({@code dataops_*}) and Liquibase's
 * tables are left out: they are never drift.
 */
public final class SchemaSnapshot implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<String, SchemaObject> objects;

    SchemaSnapshot(final Collection<SchemaObject> objects) {
        Map<String, SchemaObject> byKey = new TreeMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        this.objects = Collections.unmodifiableMap(byKey);
    }

    /** @return the objects by {@link SchemaObject#key()}, sorted */
    public Map<String, SchemaObject> objects() {
        return objects;
    }

    /**
     * Finds an object.
     *
     * @param kind its kind
     * @param name its name, compared without case
     * @return the object, or empty
     */
    public Optional<SchemaObject> find(final String kind, final String name) {
        return objects.values().stream()
                .filter(o -> o.kind().equals(kind) && o.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * Tells whether a table belongs to DataOps or Liquibase, whose tables are never drift.
     *
     * @param table a table name as the database reports it
     * @return true for {@code dataops_*}, {@code databasechangelog} and {@code databasechangeloglock}
     */
    public static boolean isOwnTable(final String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return name.startsWith("dataops_") || name.equals("databasechangelog") || name.equals("databasechangeloglock");
    }
}
