package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.migrate.AppliedChangeSet;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogFiles;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogSources;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.Finding;
import io.jenkins.plugins.dataops.engine.migrate.MigrationFailedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.UpdateToTagSqlCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;

/**
 * The {@link SchemaMigrator} on Liquibase, driven through {@link CommandScope} with the typed argument
 * constants. Our own checks (tag exists, rollback readiness, destructive changes) run before Liquibase is
 * asked to change anything.
 */
public final class LiquibaseSchemaMigrator implements SchemaMigrator {
    /**
     * {@inheritDoc} Reads the whole changelog tree through the read boundary first: a status reads no file of a
     * changeset already applied, yet it must refuse a changelog that reads outside the product as migrate does.
     */
    @Override
    public MigrationStatus status(final MigrationRequest request) {
        ChangeLogTreeReader.read(request.sources());
        return LiquibaseRun.with(request, database -> {
            List<RanChangeSet> ran = ranChangeSets(database);
            return status(
                    database, request, ran, ChangeLogInspector.parse(database, LiquibaseRun.changelogName(request)));
        });
    }

    @Override
    public MigrationResult update(final MigrationRequest request) {
        return LiquibaseRun.with(request, database -> {
            List<RanChangeSet> before = ranChangeSets(database);
            ChangeLogInspector inspector = ChangeLogInspector.parse(database, LiquibaseRun.changelogName(request));
            MigrationStatus status = status(database, request, before, inspector);
            refuseUnlessAllowed(request, status);
            refuseGoingBack(request, before, status);
            if (status.pending().isEmpty()) {
                request.progress()
                        .info("Environment '%s' is up to date at tag '%s'; nothing to apply."
                                .formatted(request.target().environment(), status.currentTag()));
                return result(request, status.currentTag(), status.currentTag(), List.of(), status);
            }
            request.progress()
                    .info("Applying %d changeset(s) to environment '%s'%s..."
                            .formatted(
                                    status.pending().size(),
                                    request.target().environment(),
                                    request.tag() == null ? "" : " up to tag '" + request.tag() + "'"));
            CommandScope command = request.tag() == null
                    ? new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, LiquibaseRun.changelogName(request))
                    : new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                            .addArgumentValue(
                                    UpdateToTagCommandStep.CHANGELOG_FILE_ARG, LiquibaseRun.changelogName(request))
                            .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, request.tag());
            // The changelog parsed for the checks: Liquibase takes it instead of parsing the files again.
            command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, inspector.changeLog());
            CommandRunner.execute(command, database, request, status.pending(), "apply");
            String tagAfter = request.tag() == null ? nameUntagged(database, request) : request.tag();
            return result(request, status.currentTag(), tagAfter, status.pending(), status);
        });
    }

    @Override
    public ChangeLogFiles readChangeLog(final ChangeLogSources sources) {
        return ChangeLogTreeReader.read(sources);
    }

    @Override
    public String updateSql(final MigrationRequest request) {
        return LiquibaseRun.with(request, database -> {
            // The *Sql commands write to the command's output stream; their OUTPUT_WRITER argument is not read.
            ByteArrayOutputStream sql = new ByteArrayOutputStream();
            CommandScope command = request.tag() == null
                    ? new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
                            .addArgumentValue(
                                    UpdateSqlCommandStep.CHANGELOG_FILE_ARG, LiquibaseRun.changelogName(request))
                    : new CommandScope(UpdateToTagSqlCommandStep.COMMAND_NAME)
                            .addArgumentValue(
                                    UpdateToTagSqlCommandStep.CHANGELOG_FILE_ARG, LiquibaseRun.changelogName(request))
                            .addArgumentValue(UpdateToTagSqlCommandStep.TAG_ARG, request.tag());
            command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
            command.setOutput(sql);
            command.execute();
            return sql.toString(StandardCharsets.UTF_8);
        });
    }

    @Override
    public MigrationResult rollback(final MigrationRequest request) {
        String tag = request.targetTag()
                .orElseThrow(() -> new InvalidInputException("Rollback of environment '%s' needs a tag to go back to."
                        .formatted(request.target().environment())));
        return LiquibaseRun.with(request, database -> {
            List<RanChangeSet> ran = ranChangeSets(database);
            ChangeLogInspector inspector = ChangeLogInspector.parse(database, LiquibaseRun.changelogName(request));
            List<ChangeSetInfo> toRollBack =
                    inspector.appliedAfter(ran, tag, request.target().environment());
            List<ChangeSetInfo> blocked =
                    toRollBack.stream().filter(c -> !c.rollbackSupported()).toList();
            if (!blocked.isEmpty()) {
                throw new OperationRefusedException(("Refusing to roll back environment '%s' to tag '%s': %d "
                                + "changeset(s) in the way have no rollback: %s. Nothing was changed; add a rollback "
                                + "block to them, or restore from a backup.")
                        .formatted(request.target().environment(), tag, blocked.size(), keys(blocked)));
            }
            if (toRollBack.isEmpty()) {
                refuseLeftovers(database, request, ran, inspector, tag);
                request.progress()
                        .info("Environment '%s' is already at tag '%s'; nothing to roll back."
                                .formatted(request.target().environment(), tag));
                return new MigrationResult(
                        request.target().environment(), currentTag(ran), tag, List.of(), List.of(), List.of());
            }
            request.progress()
                    .info("Rolling back %d changeset(s) of environment '%s' to tag '%s'..."
                            .formatted(toRollBack.size(), request.target().environment(), tag));
            // Roll back exactly the changesets checked above. Liquibase's rollback-to-tag would also roll back
            // the tagDatabase changeset that set the tag, leaving the environment at no release at all.
            CommandScope command = new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                    .addArgumentValue(
                            DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, LiquibaseRun.changelogName(request))
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, inspector.changeLog())
                    .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, toRollBack.size());
            CommandRunner.execute(command, database, request, toRollBack, "roll back");
            return new MigrationResult(
                    request.target().environment(),
                    currentTag(ran),
                    currentTag(ranChangeSets(database)),
                    toRollBack,
                    List.of(),
                    List.of());
        });
    }

    @Override
    public Optional<String> releaseStaleLock(final MigrationRequest request) {
        // Plain JDBC: a Liquibase start-up only to look at one row would cost every operation a second one.
        Optional<String> holder = LiquibaseLockRow.releaseIfLocked(request.target());
        holder.ifPresent(h -> request.progress()
                .warn(("Environment '%s': releasing a Liquibase lock left by %s, whose process is gone (DataOps "
                                + "holds the environment lock); the next changesets resume from where it stopped.")
                        .formatted(request.target().environment(), h)));
        return holder;
    }

    /** Plain JDBC: {@code test} asks only for the tags, and a Liquibase start-up would double its time. */
    @Override
    public List<String> appliedTags(final MigrationRequest request) {
        return ChangeLogTable.appliedTags(request.target());
    }

    /** Plain JDBC, as {@link #appliedTags}: reading Liquibase's table needs no Liquibase. */
    @Override
    public List<AppliedChangeSet> history(final MigrationRequest request) {
        return ChangeLogTable.history(request.target());
    }

    /**
     * Returns the history as Liquibase itself reads it, to prove {@link #history} reads the same.
     *
     * @param request target and changelog
     * @return the applied changesets from Liquibase's {@code RanChangeSet}s
     */
    List<AppliedChangeSet> liquibaseHistory(final MigrationRequest request) {
        return LiquibaseRun.with(request, database -> applied(ranChangeSets(database)));
    }

    private static MigrationStatus status(
            final Database database,
            final MigrationRequest request,
            final List<RanChangeSet> ran,
            final ChangeLogInspector inspector)
            throws SQLException {
        return PendingChecks.status(
                database, request.target().dialect(), request.target().environment(), ran, inspector, request.tag());
    }

    private static void refuseUnlessAllowed(final MigrationRequest request, final MigrationStatus status) {
        List<Finding> refusing = status.refusing(request.allowNoRollback(), request.allowDestructive());
        if (!refusing.isEmpty()) {
            throw new OperationRefusedException(Refusal.message(request.target().environment(), refusing));
        }
    }

    /**
     * A rollback with nothing to roll back is no success when a failed changeset left objects behind (H2 commits
     * DDL at once): Liquibase does not know them, so the environment is not back where the tag says.
     */
    private static void refuseLeftovers(
            final Database database,
            final MigrationRequest request,
            final List<RanChangeSet> ran,
            final ChangeLogInspector inspector,
            final String tag)
            throws SQLException {
        List<Finding> drift =
                PendingChecks.drift(database, request.target().dialect(), inspector.pendingChangeSets(ran, null));
        if (!drift.isEmpty()) {
            throw new MigrationFailedException(
                    ("Rollback of environment '%s' to tag '%s' has nothing to roll back, but objects that pending "
                                    + "changesets create exist already: %s. Liquibase does not track them (a changeset "
                                    + "that failed on a database whose DDL commits at once leaves them behind), so "
                                    + "nothing was rolled back; drop them by hand and run again.")
                            .formatted(
                                    request.target().environment(),
                                    tag,
                                    drift.stream().map(Finding::toString).collect(Collectors.joining(", "))),
                    null);
        }
    }

    /** Migrating "to" a tag the environment has already passed would silently do nothing: that is a rollback. */
    private static void refuseGoingBack(
            final MigrationRequest request, final List<RanChangeSet> ran, final MigrationStatus status) {
        String tag = request.tag();
        if (tag != null
                && status.pending().isEmpty()
                && !tag.equals(status.currentTag())
                && ran.stream().anyMatch(r -> tag.equals(r.getTag()))) {
            throw new OperationRefusedException(("Environment '%s' is already past tag '%s' (it runs '%s'); nothing "
                            + "was applied. To go back, run 'rollback --env %s --to %s'.")
                    .formatted(
                            request.target().environment(),
                            tag,
                            status.currentTag(),
                            request.target().environment(),
                            tag));
        }
    }

    private static MigrationResult result(
            final MigrationRequest request,
            final String tagBefore,
            final String tagAfter,
            final List<ChangeSetInfo> applied,
            final MigrationStatus status) {
        return new MigrationResult(
                request.target().environment(),
                tagBefore,
                tagAfter,
                applied,
                request.allowNoRollback() ? status.withoutRollback() : List.of(),
                request.allowDestructive() ? status.destructive() : List.of());
    }

    /**
     * Names the release an untagged update reached: when the last applied changeset sets no tag, the release is
     * named after that changeset's id and the database is tagged with it (as Liquibase's {@code tag} command
     * does), so it can be promoted and rolled back to like a tagged one.
     */
    private static String nameUntagged(final Database database, final MigrationRequest request)
            throws DatabaseException {
        List<RanChangeSet> after = ranChangeSets(database);
        RanChangeSet last = after.get(after.size() - 1);
        if (last.getTag() != null && !last.getTag().isEmpty()) {
            return last.getTag();
        }
        String name = last.getId();
        ChangeLogHistoryServiceFactory.getInstance()
                .getChangeLogService(database)
                .tag(name);
        request.progress()
                .info("The changesets applied to environment '%s' end without a tag; the release is named '%s' after "
                                .formatted(request.target().environment(), name)
                        + "its last changeset, and the database is tagged so.");
        return name;
    }

    static List<RanChangeSet> ranChangeSets(final Database database) throws DatabaseException {
        return ChangeLogHistoryServiceFactory.getInstance()
                .getChangeLogService(database)
                .getRanChangeSets();
    }

    private static String currentTag(final List<RanChangeSet> ran) {
        List<String> tags = AppliedChangeSet.tagsOf(applied(ran));
        return tags.isEmpty() ? "" : tags.get(tags.size() - 1);
    }

    private static List<AppliedChangeSet> applied(final List<RanChangeSet> ran) {
        return ran.stream().map(LiquibaseSchemaMigrator::applied).toList();
    }

    private static AppliedChangeSet applied(final RanChangeSet ran) {
        return new AppliedChangeSet(
                ran.getId(),
                ran.getAuthor(),
                ran.getChangeLog(),
                ran.getLastCheckSum() == null ? "" : ran.getLastCheckSum().toString(),
                ran.getTag() == null ? "" : ran.getTag(),
                ran.getDateExecuted() == null ? 0 : ran.getDateExecuted().getTime(),
                String.valueOf(ran.getExecType()),
                ran.getOrderExecuted() == null ? 0 : ran.getOrderExecuted());
    }

    private static String keys(final List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(ChangeSetInfo::key).collect(Collectors.joining(", "));
    }
}
