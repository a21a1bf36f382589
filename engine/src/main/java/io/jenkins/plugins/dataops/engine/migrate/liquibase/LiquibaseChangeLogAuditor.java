package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogReplay;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetDrift;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import java.util.ArrayList;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;

/**
 * The {@link ChangeLogAuditor} on Liquibase. The environment is only read (its changelog table, never written:
 * no lock, no checksum upgrade); all of Liquibase's writing happens in the scratch database.
 */
public final class LiquibaseChangeLogAuditor implements ChangeLogAuditor {
    @Override
    public List<SchemaChange> pendingChanges(final MigrationRequest request) {
        return LiquibaseRun.with(request, database -> {
            List<RanChangeSet> ran = ranChangeSets(database);
            ChangeLogInspector inspector = ChangeLogInspector.parse(database, LiquibaseRun.changelogName(request));
            inspector.pending(ran, request.tag()); // validates the tag, naming the declared ones
            List<SchemaChange> changes = new ArrayList<>();
            for (ChangeSet changeSet : inspector.changeSets()) {
                if (ran.stream().noneMatch(r -> r.isSameAs(changeSet))) {
                    changes.addAll(SchemaChangeReader.read(changeSet));
                }
                if (request.tag() != null && request.tag().equals(ChangeLogInspector.tagOf(changeSet))) {
                    break;
                }
            }
            return List.copyOf(changes);
        });
    }

    @Override
    public ChangeLogReplay replay(final MigrationRequest request, final DatabaseTarget scratch) {
        List<RanChangeSet> ran = LiquibaseRun.with(request, LiquibaseChangeLogAuditor::ranChangeSets);
        // Liquibase's own lines about the scratch database ("Running Changeset ...") say nothing about the
        // environment: the drift check reports its findings instead.
        ProgressListener quiet = ProgressListener.NONE;
        // The scratch replay reads the same search path and extension jars as the environment's migrations.
        MigrationRequest onScratch = new MigrationRequest(
                scratch,
                request.changelog(),
                request.tag(),
                true,
                true,
                quiet,
                request.searchPath(),
                request.extensions(),
                request.productDir());
        return LiquibaseRun.with(onScratch, database -> {
            ChangeLogInspector inspector = ChangeLogInspector.parse(database, LiquibaseRun.changelogName(onScratch));
            List<ChangeSet> declared = inspector.changeSets();
            int count = replayCount(declared, ran);
            if (count > 0) {
                CommandScope command = new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                        .addArgumentValue(
                                UpdateCountCommandStep.CHANGELOG_FILE_ARG, LiquibaseRun.changelogName(onScratch))
                        .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
                try (ProgressOutputStream output = new ProgressOutputStream(quiet)) {
                    command.setOutput(output);
                    command.execute();
                }
            }
            return new ChangeLogReplay(currentTag(ran), count, mismatches(declared, ran));
        });
    }

    /** The changelog's changesets up to the last one the environment applied: what its schema should contain. */
    private static int replayCount(final List<ChangeSet> declared, final List<RanChangeSet> ran) {
        int count = 0;
        for (int i = 0; i < declared.size(); i++) {
            ChangeSet changeSet = declared.get(i);
            if (ran.stream().anyMatch(r -> r.isSameAs(changeSet))) {
                count = i + 1;
            }
        }
        return count;
    }

    private static List<ChangeSetDrift> mismatches(final List<ChangeSet> declared, final List<RanChangeSet> ran) {
        List<ChangeSetDrift> found = new ArrayList<>();
        for (RanChangeSet applied : ran) {
            String key = applied.getChangeLog() + "::" + applied.getId() + "::" + applied.getAuthor();
            String live = applied.getLastCheckSum() == null
                    ? ""
                    : applied.getLastCheckSum().toString();
            ChangeSet changeSet =
                    declared.stream().filter(applied::isSameAs).findFirst().orElse(null);
            if (changeSet == null) {
                found.add(new ChangeSetDrift(key, "", live));
            } else if (applied.getLastCheckSum() != null && !changeSet.isCheckSumValid(applied.getLastCheckSum())) {
                ChecksumVersion version = ChecksumVersion.enumFromChecksumVersion(
                        applied.getLastCheckSum().getVersion());
                found.add(new ChangeSetDrift(
                        key, changeSet.generateCheckSum(version).toString(), live));
            }
        }
        return found;
    }

    private static List<RanChangeSet> ranChangeSets(final Database database) throws DatabaseException {
        return ChangeLogHistoryServiceFactory.getInstance()
                .getChangeLogService(database)
                .getRanChangeSets();
    }

    private static String currentTag(final List<RanChangeSet> ran) {
        for (int i = ran.size() - 1; i >= 0; i--) {
            if (ran.get(i).getTag() != null && !ran.get(i).getTag().isEmpty()) {
                return ran.get(i).getTag();
            }
        }
        return "";
    }
}
