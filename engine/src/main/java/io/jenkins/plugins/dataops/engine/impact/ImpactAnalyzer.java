package io.jenkins.plugins.dataops.engine.impact;

import io.jenkins.plugins.dataops.engine.drift.SchemaObject;
import io.jenkins.plugins.dataops.engine.drift.SchemaSnapshot;
import io.jenkins.plugins.dataops.engine.impact.CheckImpact.Verdict;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import io.jenkins.plugins.dataops.engine.quality.Check;
import io.jenkins.plugins.dataops.engine.quality.CheckSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Analyses what the pending schema changes of a release touch: the checks of the release's suites that read a
 * dropped, renamed or retyped table or column (a check that names a rename's new name follows it: its suite was
 * updated in the same release), and the environment's views, keys and indexes that depend on them.
 */
public final class ImpactAnalyzer {
    private ImpactAnalyzer() {}

    /**
     * Analyses the impact of pending changes.
     *
     * @param environment the environment
     * @param changes     its pending schema changes
     * @param suites      the release's data-test suites
     * @param live        the environment's schema now
     * @return the checks and dependents concerned
     */
    public static ImpactReport analyze(
            final String environment,
            final List<SchemaChange> changes,
            final List<CheckSuite> suites,
            final SchemaSnapshot live) {
        List<CheckImpact> checks = new ArrayList<>();
        List<DependentObject> dependents = new ArrayList<>();
        for (SchemaChange change : changes) {
            for (CheckSuite suite : suites) {
                for (Check check : suite.checks()) {
                    verdict(change, suite, check)
                            .forEach(v -> checks.add(new CheckImpact(
                                    change.describe(),
                                    change.changeSet(),
                                    suite.file(),
                                    check.name(),
                                    check.line(),
                                    v)));
                }
            }
            dependents.addAll(dependents(change, live));
        }
        return new ImpactReport(environment, changes, checks, dependents);
    }

    private static List<Verdict> verdict(final SchemaChange change, final CheckSuite suite, final Check check) {
        String table = change.table();
        return switch (change.kind()) {
            case DROP_TABLE, DROP_VIEW ->
                CheckReferences.readsTable(suite, check, table) ? List.of(Verdict.BREAKS) : List.of();
            case RENAME_TABLE ->
                CheckReferences.readsTable(suite, check, table)
                        ? List.of(Verdict.BREAKS)
                        : CheckReferences.readsTable(suite, check, change.newName())
                                ? List.of(Verdict.FOLLOWED)
                                : List.of();
            case DROP_COLUMN ->
                CheckReferences.readsColumn(suite, check, table, change.column()) ? List.of(Verdict.BREAKS) : List.of();
            case RENAME_COLUMN ->
                CheckReferences.readsColumn(suite, check, table, change.column())
                        ? List.of(Verdict.BREAKS)
                        : CheckReferences.readsColumn(suite, check, table, change.newName())
                                ? List.of(Verdict.FOLLOWED)
                                : List.of();
            case MODIFY_TYPE -> typeVerdict(change, suite, check);
        };
    }

    /** A schema check that expects another type breaks; other checks that read the column deserve a look. */
    private static List<Verdict> typeVerdict(final SchemaChange change, final CheckSuite suite, final Check check) {
        if (!CheckReferences.readsColumn(suite, check, change.table(), change.column())) {
            return List.of();
        }
        String expected = CheckReferences.expectedType(check, change.column());
        if (expected == null || expected.isEmpty()) {
            return List.of(Verdict.REVIEW);
        }
        String base = change.newType().replaceAll("\\(.*", "").strip().toLowerCase(Locale.ROOT);
        return base.startsWith(expected.toLowerCase(Locale.ROOT)) ? List.of(Verdict.FOLLOWED) : List.of(Verdict.BREAKS);
    }

    private static List<DependentObject> dependents(final SchemaChange change, final SchemaSnapshot live) {
        List<DependentObject> found = new ArrayList<>();
        for (SchemaObject object : live.objects().values()) {
            if (dependsOn(object, change)) {
                found.add(new DependentObject(change.describe(), object.kind(), object.name(), object.shown()));
            }
        }
        return found;
    }

    private static boolean dependsOn(final SchemaObject object, final SchemaChange change) {
        String table = change.table();
        return switch (object.kind()) {
            case "view" ->
                !CheckReferences.same(object.name(), table)
                        && mentions(object.definition(), table)
                        && (!change.isColumnChange() || mentions(object.definition(), change.column()));
            case "foreign key", "index", "unique" -> coversTable(object, table) && coversColumn(object, change);
            default -> false;
        };
    }

    /** Keys, uniques and indexes are named {@code T(C, ...)}; a foreign key's definition names the other side. */
    private static boolean coversTable(final SchemaObject object, final String table) {
        return CheckReferences.same(tableOf(object.name()), table)
                || object.kind().equals("foreign key") && mentions(object.definition(), table);
    }

    private static boolean coversColumn(final SchemaObject object, final SchemaChange change) {
        if (!change.isColumnChange()) {
            return true;
        }
        String columns =
                CheckReferences.same(tableOf(object.name()), change.table()) ? object.name() : object.definition();
        return mentions(columns.substring(Math.max(0, columns.indexOf('('))), change.column());
    }

    private static String tableOf(final String name) {
        int paren = name.indexOf('(');
        return paren < 0 ? name : name.substring(0, paren);
    }

    private static boolean mentions(final String text, final String identifier) {
        return Pattern.compile(
                        "(?<![\\w$])\"?" + Pattern.quote(identifier) + "\"?(?![\\w$])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }
}
