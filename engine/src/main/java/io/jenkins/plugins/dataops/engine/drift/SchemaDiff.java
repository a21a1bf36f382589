package io.jenkins.plugins.dataops.engine.drift;

import io.jenkins.plugins.dataops.engine.drift.DriftFinding.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares an expected schema with a live one, object by object. */
public final class SchemaDiff {
    private SchemaDiff() {}

    /**
     * Lists every object added, removed or changed in the live schema, sorted by kind and name.
     *
     * @param expected the schema the changelog produces
     * @param live     the environment's schema
     * @return the findings; empty when both agree
     */
    public static List<DriftFinding> between(final SchemaSnapshot expected, final SchemaSnapshot live) {
        List<DriftFinding> findings = new ArrayList<>();
        Map<String, SchemaObject> want = expected.objects();
        Map<String, SchemaObject> have = live.objects();
        for (SchemaObject object : want.values()) {
            SchemaObject actual = have.get(object.key());
            if (actual == null) {
                findings.add(new DriftFinding(object.kind(), object.name(), Change.REMOVED, object.shown(), ""));
            } else if (!actual.definition().equals(object.definition())) {
                findings.add(
                        new DriftFinding(object.kind(), object.name(), Change.CHANGED, object.shown(), actual.shown()));
            }
        }
        for (SchemaObject actual : have.values()) {
            if (!want.containsKey(actual.key())) {
                findings.add(new DriftFinding(actual.kind(), actual.name(), Change.ADDED, "", actual.shown()));
            }
        }
        return findings;
    }
}
