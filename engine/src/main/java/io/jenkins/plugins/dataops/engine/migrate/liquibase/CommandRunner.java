package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.MigrationFailedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import java.util.List;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.exception.CommandExecutionException;
import liquibase.exception.DatabaseException;
import liquibase.exception.ValidationFailedException;

/**
 * Runs a changing Liquibase command (update, rollback) and turns its failure into one message that names the
 * changeset that failed, the file it is in, and what stayed: on H2 the objects the failed changeset left behind.
 * When Liquibase refuses the changelog before running anything (its validation), no changeset is blamed.
 */
final class CommandRunner {
    private CommandRunner() {}

    static void execute(
            final CommandScope command,
            final Database database,
            final MigrationRequest request,
            final List<ChangeSetInfo> changeSets,
            final String verb)
            throws DatabaseException {
        FailureWatch watch = new FailureWatch(request.target().dialect());
        command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
        command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, watch);
        try (ProgressOutputStream output = new ProgressOutputStream(request.progress())) {
            command.setOutput(output);
            command.execute();
        } catch (CommandExecutionException e) {
            String cause = SecretScrubber.scrub(
                    LiquibaseRun.rootMessage(e), request.target().password());
            if (watch.failed().isEmpty() && LiquibaseRun.hasCause(e, ValidationFailedException.class)) {
                throw new MigrationFailedException(
                        ("Liquibase refused the changelog of environment '%s' before running any changeset: %s. "
                                        + "Nothing was applied; fix the changesets it names and run again.")
                                .formatted(request.target().environment(), cause),
                        e);
            }
            String failed = watch.failed()
                    .map(c -> c.getFilePath() + "::" + c.getId() + "::" + c.getAuthor())
                    .orElseGet(() -> firstUnfinished(database, changeSets, verb));
            throw new MigrationFailedException(
                    "Could not %s changeset '%s' on environment '%s': %s. %s"
                            .formatted(
                                    verb,
                                    failed,
                                    request.target().environment(),
                                    cause,
                                    FailureReport.whatStayed(request.target().dialect(), watch)),
                    e);
        }
    }

    /** Without a listener report (a failure outside a changeset), the first changeset not finished is the one. */
    private static String firstUnfinished(
            final Database database, final List<ChangeSetInfo> changeSets, final String verb) {
        try {
            List<RanChangeSet> now = LiquibaseSchemaMigrator.ranChangeSets(database);
            return changeSets.stream()
                    .filter(c -> "apply".equals(verb) == now.stream().noneMatch(r -> sameKey(r, c)))
                    .map(ChangeSetInfo::key)
                    .findFirst()
                    .orElse("(unknown changeset)");
        } catch (DatabaseException e) {
            return "(unknown changeset)";
        }
    }

    private static boolean sameKey(final RanChangeSet ran, final ChangeSetInfo info) {
        return ran.getId().equals(info.id())
                && ran.getAuthor().equals(info.author())
                && ran.getChangeLog().equals(info.file());
    }
}
