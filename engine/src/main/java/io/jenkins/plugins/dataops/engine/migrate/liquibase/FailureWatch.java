package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;

/**
 * Watches an update or rollback run: which changeset failed, and, on a database whose DDL commits at once (H2),
 * what that changeset left behind. The schema is read before each changeset only there; on PostgreSQL and SQL
 * Server the failing changeset's transaction takes its DDL with it.
 */
final class FailureWatch extends AbstractChangeExecListener {
    private final Dialect dialect;
    private Set<String> before = Set.of();
    private ChangeSet failed;
    private List<String> leftovers = List.of();
    private String snapshotError = "";

    FailureWatch(final Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Tells whether a failed changeset of this dialect can leave objects behind.
     *
     * @param dialect the dialect
     * @return true when DDL commits at once
     */
    static boolean ddlAutoCommits(final Dialect dialect) {
        return dialect == Dialect.H2;
    }

    @Override
    public void willRun(
            final ChangeSet changeSet,
            final DatabaseChangeLog databaseChangeLog,
            final Database database,
            final ChangeSet.RunStatus runStatus) {
        if (ddlAutoCommits(dialect)) {
            before = snapshot(database).orElse(Set.of());
        }
    }

    @Override
    public void runFailed(
            final ChangeSet changeSet,
            final DatabaseChangeLog databaseChangeLog,
            final Database database,
            final Exception exception) {
        failed = changeSet;
        if (ddlAutoCommits(dialect)) {
            Set<String> after = new LinkedHashSet<>(snapshot(database).orElse(before));
            after.removeAll(before);
            // The columns of a new table say nothing more than the table itself.
            after.removeIf(o -> o.startsWith("column ")
                    && after.contains("table " + o.substring("column ".length(), o.lastIndexOf('.'))));
            leftovers = new ArrayList<>(after);
        }
    }

    @Override
    public void rollbackFailed(
            final ChangeSet changeSet,
            final DatabaseChangeLog databaseChangeLog,
            final Database database,
            final Exception exception) {
        failed = changeSet;
    }

    /**
     * Returns the changeset that failed.
     *
     * @return it, empty when none failed (Liquibase refused the run before any changeset)
     */
    Optional<ChangeSet> failed() {
        return Optional.ofNullable(failed);
    }

    /**
     * Returns what the failed changeset left behind.
     *
     * @return the objects, e.g. {@code table HALF_TABLE}; empty on transactional DDL
     */
    List<String> leftovers() {
        return List.copyOf(leftovers);
    }

    /**
     * Returns why the schema could not be read, if it could not.
     *
     * @return the reason, empty when it was read
     */
    String snapshotError() {
        return snapshotError;
    }

    private Optional<Set<String>> snapshot(final Database database) {
        if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
            return Optional.empty();
        }
        try {
            Connection connection = jdbc.getUnderlyingConnection();
            return Optional.of(SchemaObjects.snapshot(connection, dialect));
        } catch (SQLException e) {
            snapshotError = e.getMessage(); // reported with the failure: the leftovers are then unknown
            return Optional.empty();
        }
    }
}
