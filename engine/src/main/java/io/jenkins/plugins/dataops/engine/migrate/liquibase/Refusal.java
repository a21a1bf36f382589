package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.migrate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one message that refuses a migration: every finding of every check, grouped by check, and what to do about
 * each kind. One run shows them all, so a long changelog does not need one run per check.
 */
final class Refusal {
    private static final Map<String, String[]> CHECKS = checks();

    private Refusal() {}

    private static Map<String, String[]> checks() {
        Map<String, String[]> checks = new LinkedHashMap<>();
        checks.put(Finding.NO_ROLLBACK, new String[] {
            "changeset(s) without rollback",
            "add a rollback block, or allow it with --allow-no-rollback (or 'allow: {noRollback: true}' in the "
                    + "spec); the allowance is recorded in the ledger"
        });
        checks.put(Finding.DESTRUCTIVE, new String[] {
            "destructive changeset(s)",
            "allow it with --allow-destructive (or 'allow: {destructive: true}' in the spec) once a backup exists"
        });
        checks.put(Finding.INVALID, new String[] {
            "changeset(s) this database rejects", "change them, or limit them to other databases with 'dbms'"
        });
        checks.put(Finding.DRIFT, new String[] {
            "changeset(s) whose objects exist already",
            "drop what a failed run left behind (or, when the objects are right, mark the changesets as applied "
                    + "with Liquibase's changelog-sync) and run again"
        });
        return checks;
    }

    /**
     * Composes the refusal.
     *
     * @param environment the environment
     * @param findings    the refusing findings, not empty
     * @return the message
     */
    static String message(final String environment, final List<Finding> findings) {
        List<String> counts = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        for (Map.Entry<String, String[]> check : CHECKS.entrySet()) {
            List<Finding> ofCheck = findings.stream()
                    .filter(f -> f.check().equals(check.getKey()))
                    .toList();
            if (ofCheck.isEmpty()) {
                continue;
            }
            counts.add(changeSets(ofCheck) + " " + check.getValue()[0]);
            lists.add(check.getValue()[0] + ": " + grouped(ofCheck));
            remedies.add(check.getValue()[1]);
        }
        String body =
                lists.size() == 1 ? lists.get(0).substring(lists.get(0).indexOf(": ") + 2) : String.join("; ", lists);
        return "Refusing to apply %s to environment '%s': %s. Nothing was applied; %s."
                .formatted(join(counts), environment, body, String.join("; ", remedies));
    }

    private static int changeSets(final List<Finding> findings) {
        return (int) findings.stream().map(Finding::changeSet).distinct().count();
    }

    /** One entry per changeset, its details joined: {@code a.yaml::1::me (drop table x; drop column y.z)}. */
    private static String grouped(final List<Finding> findings) {
        Map<String, Set<String>> byChangeSet = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Set<String> details = byChangeSet.computeIfAbsent(finding.changeSet(), k -> new LinkedHashSet<>());
            if (!finding.detail().isEmpty()) {
                details.add(finding.detail());
            }
        }
        return byChangeSet.entrySet().stream()
                .map(e ->
                        e.getValue().isEmpty() ? e.getKey() : e.getKey() + " (" + String.join("; ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String join(final List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
