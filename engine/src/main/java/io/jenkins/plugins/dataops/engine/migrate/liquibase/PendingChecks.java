package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.Finding;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;

/**
 * Runs every check on the pending changesets at once: rollback readiness, destructive changes, the database's
 * own validation, and drift (objects a pending changeset would create that exist already, e.g. left behind by a
 * failed changeset on H2).
 */
final class PendingChecks {
    private PendingChecks() {}

    static MigrationStatus status(
            final Database database,
            final Dialect dialect,
            final String environment,
            final List<RanChangeSet> ran,
            final ChangeLogInspector inspector,
            final String tag)
            throws SQLException {
        List<ChangeSetInfo> pending = inspector.pending(ran, tag);
        List<Finding> findings = new ArrayList<>(MigrationStatus.findingsOf(pending));
        findings.addAll(drift(database, dialect, inspector.pendingChangeSets(ran, tag)));
        return new MigrationStatus(environment, currentTag(ran), ran.size(), pending, findings);
    }

    /**
     * Lists the objects pending changesets create that exist already.
     *
     * @param database the database
     * @param dialect  its dialect
     * @param pending  the pending changesets
     * @return one finding per object
     * @throws SQLException when the catalogue cannot be read
     */
    static List<Finding> drift(final Database database, final Dialect dialect, final List<ChangeSet> pending)
            throws SQLException {
        List<Finding> drift = new ArrayList<>();
        if (pending.isEmpty() || !(database.getConnection() instanceof JdbcConnection jdbc)) {
            return drift;
        }
        Set<String> existing = SchemaObjects.snapshot(jdbc.getUnderlyingConnection(), dialect);
        for (ChangeSet changeSet : pending) {
            String key = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
            for (String object : SchemaObjects.createdBy(changeSet)) {
                if (existing.contains(object)) {
                    drift.add(new Finding(Finding.DRIFT, key, object + " exists already"));
                }
            }
        }
        return drift;
    }

    static String currentTag(final List<RanChangeSet> ran) {
        for (int i = ran.size() - 1; i >= 0; i--) {
            if (ran.get(i).getTag() != null && !ran.get(i).getTag().isEmpty()) {
                return ran.get(i).getTag();
            }
        }
        return "";
    }
}
