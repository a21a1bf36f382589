package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the evidence maps of governance records from engine results: plain JSON values only (String, Number,
 * Boolean, List, insertion-ordered Map), so they survive canonical JSON, the ledger and Jenkins' build.xml.
 */
public final class Evidence {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * Starts empty evidence.
     *
     * @return the builder
     */
    public static Evidence of() {
        return new Evidence();
    }

    /**
     * Adds a value.
     *
     * @param key   the key
     * @param value a JSON value
     * @return this
     */
    public Evidence with(final String key, final Object value) {
        values.put(key, value);
        return this;
    }

    /**
     * Adds a provisioning plan: its summary and one entry per resource.
     *
     * @param plan the plan
     * @return this
     */
    public Evidence withPlan(final ProvisioningPlan plan) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ResourceChange change : plan.changes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", change.type());
            entry.put("name", change.name());
            entry.put(
                    "action",
                    change.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            entry.put("detail", change.detail());
            changes.add(entry);
        }
        values.put("provider", plan.provider());
        values.put("plan", plan.summary());
        values.put("resources", changes);
        return this;
    }

    /**
     * Adds what a migration applied or rolled back.
     *
     * @param result the migration result
     * @return this
     */
    public Evidence withMigration(final MigrationResult result) {
        values.put("tagBefore", result.tagBefore());
        values.put("tagAfter", result.tagAfter());
        values.put("changeSets", changeSets(result.changeSets()));
        if (!result.allowedNoRollback().isEmpty()) {
            values.put("allowedNoRollback", keys(result.allowedNoRollback()));
        }
        if (!result.allowedDestructive().isEmpty()) {
            values.put("allowedDestructive", keys(result.allowedDestructive()));
        }
        return this;
    }

    /**
     * Returns the evidence.
     *
     * @return the values, insertion-ordered
     */
    public Map<String, Object> build() {
        return new LinkedHashMap<>(values);
    }

    private static List<Map<String, Object>> changeSets(final List<ChangeSetInfo> changeSets) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChangeSetInfo c : changeSets) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", c.id());
            entry.put("author", c.author());
            entry.put("file", c.file());
            entry.put("checksum", c.checksum());
            if (!c.tag().isEmpty()) {
                entry.put("tag", c.tag());
            }
            list.add(entry);
        }
        return list;
    }

    private static List<String> keys(final List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(ChangeSetInfo::key).toList();
    }
}
