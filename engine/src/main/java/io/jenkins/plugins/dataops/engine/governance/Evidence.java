package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
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
            entry.put(EvidenceKeys.TYPE, change.type());
            entry.put(EvidenceKeys.NAME, change.name());
            entry.put(
                    EvidenceKeys.ACTION,
                    change.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            entry.put(EvidenceKeys.DETAIL, change.detail());
            changes.add(entry);
        }
        values.put(EvidenceKeys.PROVIDER, plan.provider());
        values.put(EvidenceKeys.PLAN, plan.summary());
        values.put(EvidenceKeys.RESOURCES, changes);
        return this;
    }

    /**
     * Adds what a migration applied or rolled back.
     *
     * @param result the migration result
     * @return this
     */
    public Evidence withMigration(final MigrationResult result) {
        values.put(EvidenceKeys.TAG_BEFORE, result.tagBefore());
        values.put(EvidenceKeys.TAG_AFTER, result.tagAfter());
        values.put(EvidenceKeys.CHANGE_SETS, changeSets(result.changeSets()));
        if (!result.allowedNoRollback().isEmpty()) {
            values.put(EvidenceKeys.ALLOWED_NO_ROLLBACK, keys(result.allowedNoRollback()));
        }
        if (!result.allowedDestructive().isEmpty()) {
            values.put(EvidenceKeys.ALLOWED_DESTRUCTIVE, keys(result.allowedDestructive()));
        }
        return this;
    }

    /**
     * Adds the results of a data test run: the suites' checksum, the summary, the query counts, the skipped suites
     * and one entry per check, with sample rows (at most {@code sampleSize}) for a check that did not pass.
     *
     * @param report     the run's report
     * @param skipped    the suites skipped because the environment has not reached their release
     * @param sampleSize how many sample rows to keep per check (0: none)
     * @return this
     */
    public Evidence withChecks(final DataTestReport report, final List<String> skipped, final int sampleSize) {
        List<Object> checks = new ArrayList<>();
        for (CheckResult result : report.results()) {
            checks.add(check(result, sampleSize));
        }
        values.put(EvidenceKeys.SUITES_CHECKSUM, report.suitesChecksum());
        values.put(EvidenceKeys.SUMMARY, report.summary());
        values.put(EvidenceKeys.SCAN_QUERIES, report.scanQueries());
        values.put(EvidenceKeys.SAMPLE_QUERIES, report.sampleQueries());
        values.put(EvidenceKeys.SKIPPED_SUITES, new ArrayList<>(skipped));
        values.put(EvidenceKeys.CHECKS, checks);
        return this;
    }

    /**
     * Returns the evidence of one promotion gate, an entry of {@link EvidenceKeys#GATES}.
     *
     * @param name   the gate's name
     * @param passed whether it passed
     * @param detail what it found
     * @return the entry
     */
    public static Map<String, Object> gate(final String name, final boolean passed, final String detail) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(EvidenceKeys.NAME, name);
        entry.put(EvidenceKeys.PASSED, passed);
        entry.put(EvidenceKeys.DETAIL, detail);
        return entry;
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
            entry.put(EvidenceKeys.ID, c.id());
            entry.put(EvidenceKeys.AUTHOR, c.author());
            entry.put(EvidenceKeys.FILE, c.file());
            entry.put(EvidenceKeys.CHECKSUM, c.checksum());
            if (!c.tag().isEmpty()) {
                entry.put(EvidenceKeys.TAG, c.tag());
            }
            list.add(entry);
        }
        return list;
    }

    private static Map<String, Object> check(final CheckResult result, final int sampleSize) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put(EvidenceKeys.SUITE, result.suite());
        check.put(EvidenceKeys.TABLE, result.table());
        check.put(EvidenceKeys.CHECK, result.name());
        check.put(EvidenceKeys.TYPE, result.type().key());
        check.put(EvidenceKeys.SEVERITY, result.severity().key());
        check.put(EvidenceKeys.STATUS, result.status().key());
        check.put(EvidenceKeys.OBSERVED, result.observed());
        check.put(EvidenceKeys.THRESHOLD, result.threshold());
        if (result.status() != CheckStatus.PASS
                && sampleSize > 0
                && !result.sample().isEmpty()) {
            // the rows themselves go to the run's sample file, outside the chain (they may hold personal data
            // that must be deletable); the record keeps how many there are
            check.put(EvidenceKeys.SAMPLE_ROWS, Math.min(result.sample().size(), sampleSize));
        }
        return check;
    }

    private static List<String> keys(final List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(ChangeSetInfo::key).toList();
    }
}
