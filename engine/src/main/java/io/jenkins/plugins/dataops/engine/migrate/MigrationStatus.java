package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an environment's schema stands against the changelog.
 *
 * @param environment the environment
 * @param currentTag  the last tag applied in the database, empty when none
 * @param applied     how many changesets are applied
 * @param pending     the changesets not yet applied (up to the requested tag), in order
 * @param findings    every finding of every check on the pending changesets, in changeset order: what a
 *                    migration without allowances would refuse
 */
public record MigrationStatus(
        String environment, String currentTag, int applied, List<ChangeSetInfo> pending, List<Finding> findings)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates and copies the parts. */
    public MigrationStatus {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(currentTag, "currentTag");
        pending = List.copyOf(pending);
        findings = List.copyOf(findings);
    }

    /**
     * Creates a status whose findings are those the pending changesets carry (no drift check).
     *
     * @param environment the environment
     * @param currentTag  the last tag applied, empty when none
     * @param applied     how many changesets are applied
     * @param pending     the pending changesets
     */
    public MigrationStatus(
            final String environment, final String currentTag, final int applied, final List<ChangeSetInfo> pending) {
        this(environment, currentTag, applied, pending, findingsOf(pending));
    }

    /**
     * Lists what the pending changesets themselves show: no rollback, destructive changes, validation problems.
     *
     * @param pending the pending changesets
     * @return the findings, in changeset order
     */
    public static List<Finding> findingsOf(final List<ChangeSetInfo> pending) {
        List<Finding> findings = new ArrayList<>();
        for (ChangeSetInfo c : pending) {
            if (!c.rollbackSupported()) {
                findings.add(new Finding(Finding.NO_ROLLBACK, c.key(), ""));
            }
            for (String change : c.destructiveChanges()) {
                findings.add(new Finding(Finding.DESTRUCTIVE, c.key(), change));
            }
            for (String problem : c.problems()) {
                findings.add(new Finding(Finding.INVALID, c.key(), problem));
            }
        }
        return findings;
    }

    /**
     * Lists the findings that refuse a migration with the given allowances.
     *
     * @param allowNoRollback  changesets without rollback are allowed
     * @param allowDestructive destructive changes are allowed
     * @return the refusing findings, in changeset order
     */
    public List<Finding> refusing(final boolean allowNoRollback, final boolean allowDestructive) {
        return findings.stream()
                .filter(f -> !(allowNoRollback && Finding.NO_ROLLBACK.equals(f.check())))
                .filter(f -> !(allowDestructive && Finding.DESTRUCTIVE.equals(f.check())))
                .toList();
    }

    /**
     * Lists the pending changesets that cannot be rolled back.
     *
     * @return those changesets
     */
    public List<ChangeSetInfo> withoutRollback() {
        return pending.stream().filter(c -> !c.rollbackSupported()).toList();
    }

    /**
     * Lists the pending changesets with destructive changes.
     *
     * @return those changesets
     */
    public List<ChangeSetInfo> destructive() {
        return pending.stream().filter(c -> !c.destructiveChanges().isEmpty()).toList();
    }
}
