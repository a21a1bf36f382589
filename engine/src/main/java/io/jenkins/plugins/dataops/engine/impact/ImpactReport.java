package io.jenkins.plugins.dataops.engine.impact;

import io.jenkins.plugins.dataops.engine.impact.CheckImpact.Verdict;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the pending schema changes of a release touch in one environment: the data-test checks and the database
 * objects that depend on what is dropped, renamed or retyped.
 *
 * @param environment the environment
 * @param changes     the pending schema changes
 * @param checks      the checks they concern
 * @param dependents  the database objects that depend on them
 */
public record ImpactReport(
        String environment, List<SchemaChange> changes, List<CheckImpact> checks, List<DependentObject> dependents)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public ImpactReport {
        Objects.requireNonNull(environment, "environment");
        changes = List.copyOf(changes);
        checks = List.copyOf(checks);
        dependents = List.copyOf(dependents);
    }

    /**
     * Returns a report with nothing pending.
     *
     * @param environment the environment
     * @return the empty report
     */
    public static ImpactReport none(final String environment) {
        return new ImpactReport(environment, List.of(), List.of(), List.of());
    }

    /** @return the checks the release breaks without updating them */
    public List<CheckImpact> breaking() {
        return checks.stream().filter(c -> c.verdict() == Verdict.BREAKS).toList();
    }

    /** @return one line per change, check and dependent, for the console */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        changes.forEach(c -> lines.add("schema change: " + c.describe() + " (changeset " + c.changeSet() + ")"));
        checks.forEach(c -> lines.add("data test: " + c.describe()));
        dependents.forEach(d -> lines.add("depends: " + d.describe()));
        return lines;
    }

    /** @return the report as maps, lists and strings */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put(
                "changes",
                changes.stream()
                        .map(c -> Map.<String, Object>of("change", c.describe(), "changeSet", c.changeSet()))
                        .toList());
        map.put("checks", checks.stream().map(CheckImpact::toMap).toList());
        map.put("dependents", dependents.stream().map(DependentObject::toMap).toList());
        map.put("breaking", breaking().size());
        return map;
    }
}
