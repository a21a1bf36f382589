package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/**
 * Reads a changelog and describes its changesets the way our checks need them: identity, checksum, tag, whether
 * it can be rolled back, and what it destroys.
 */
final class ChangeLogInspector {
    private final Database database;
    private final DatabaseChangeLog changeLog;
    private final NarrowingDetector narrowing;

    private ChangeLogInspector(final Database database, final DatabaseChangeLog changeLog) {
        this.database = database;
        this.changeLog = changeLog;
        this.narrowing = new NarrowingDetector(database);
    }

    /**
     * Parses the changelog once, the way Liquibase's update command would (same parameters, the database in
     * scope), so that the commands can be handed this changelog instead of parsing it again.
     */
    static ChangeLogInspector parse(final Database database, final String name) throws Exception {
        ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        parameters.addJavaProperties();
        parameters.addDefaultFileProperties();
        Map<String, Object> inScope = Map.of(Scope.Attr.database.name(), database);
        DatabaseChangeLog parsed = Scope.child(inScope, (Scope.ScopedRunnerWithReturn<DatabaseChangeLog>) () ->
                ChangeLogParserFactory.getInstance().getParser(name, accessor).parse(name, parameters, accessor));
        return new ChangeLogInspector(database, parsed);
    }

    DatabaseChangeLog changeLog() {
        return changeLog;
    }

    List<ChangeSet> changeSets() {
        return changeLog.getChangeSets();
    }

    /**
     * Lists the tags the changelog declares, in order.
     *
     * @return the tags
     */
    List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (ChangeSet changeSet : changeSets()) {
            tags.add(tagOf(changeSet));
        }
        tags.remove("");
        return new ArrayList<>(tags);
    }

    /**
     * Lists the changesets not yet applied, up to and including the one that sets the tag.
     *
     * @param ran the applied changesets
     * @param tag the tag, null for all
     * @return the pending changesets in changelog order
     * @throws InvalidInputException when the changelog does not declare the tag
     */
    List<ChangeSetInfo> pending(final List<RanChangeSet> ran, final String tag) {
        List<ChangeSetInfo> pending = new ArrayList<>();
        DestructiveChanges destructive = new DestructiveChanges(narrowing);
        for (ChangeSet changeSet : pendingChangeSets(ran, tag)) {
            pending.add(describe(changeSet, destructive));
        }
        return pending;
    }

    /**
     * Lists the changesets not yet applied, up to and including the one that sets the tag.
     *
     * @param ran the applied changesets
     * @param tag the tag, null for all
     * @return the pending changesets in changelog order
     * @throws InvalidInputException when the changelog does not declare the tag
     */
    List<ChangeSet> pendingChangeSets(final List<RanChangeSet> ran, final String tag) {
        if (tag != null && !tags().contains(tag)) {
            throw new InvalidInputException("Tag '%s' is not declared in changelog '%s'; declared tags: %s."
                    .formatted(tag, changeLog.getPhysicalFilePath(), tags()));
        }
        List<ChangeSet> pending = new ArrayList<>();
        for (ChangeSet changeSet : changeSets()) {
            if (ran.stream().noneMatch(r -> r.isSameAs(changeSet))) {
                pending.add(changeSet);
            }
            if (tag != null && tag.equals(tagOf(changeSet))) {
                break;
            }
        }
        return pending;
    }

    /**
     * Lists the applied changesets after the last one that set a tag, newest first: what a rollback to the tag
     * undoes. An applied changeset the changelog no longer declares counts as one without rollback.
     *
     * @param ran         the applied changesets
     * @param tag         the tag to go back to
     * @param environment the environment, for the message
     * @return the changesets, newest first
     * @throws InvalidInputException when the tag was never applied
     */
    List<ChangeSetInfo> appliedAfter(final List<RanChangeSet> ran, final String tag, final String environment) {
        int tagIndex = -1;
        for (int i = 0; i < ran.size(); i++) {
            if (tag.equals(ran.get(i).getTag())) {
                tagIndex = i;
            }
        }
        if (tagIndex < 0) {
            List<String> tags = ran.stream()
                    .map(RanChangeSet::getTag)
                    .filter(t -> t != null && !t.isEmpty())
                    .toList();
            throw new InvalidInputException("Tag '%s' was never applied to environment '%s'; applied tags: %s."
                    .formatted(tag, environment, tags));
        }
        List<ChangeSetInfo> after = new ArrayList<>();
        for (int i = ran.size() - 1; i > tagIndex; i--) {
            RanChangeSet applied = ran.get(i);
            ChangeSetInfo info = find(applied);
            after.add(
                    info != null
                            ? info
                            : new ChangeSetInfo(
                                    applied.getId(),
                                    applied.getAuthor(),
                                    applied.getChangeLog(),
                                    "",
                                    "",
                                    false,
                                    List.of()));
        }
        return after;
    }

    /**
     * Finds the changeset of the changelog that an applied one refers to.
     *
     * @param ran an applied changeset
     * @return the changeset's description, or null when the changelog no longer declares it
     */
    ChangeSetInfo find(final RanChangeSet ran) {
        return changeSets().stream()
                .filter(ran::isSameAs)
                .findFirst()
                .map(this::describe)
                .orElse(null);
    }

    ChangeSetInfo describe(final ChangeSet changeSet) {
        return describe(changeSet, new DestructiveChanges(narrowing));
    }

    private ChangeSetInfo describe(final ChangeSet changeSet, final DestructiveChanges destructive) {
        return new ChangeSetInfo(
                changeSet.getId(),
                changeSet.getAuthor(),
                changeSet.getFilePath(),
                changeSet.generateCheckSum(ChecksumVersion.latest()).toString(),
                tagOf(changeSet),
                changeSet.supportsRollback(database),
                destructive.of(changeSet),
                problems(changeSet));
    }

    /**
     * Validates a changeset's changes on this database the way Liquibase does before an update, so that the
     * changeset is named (and listed by status) instead of failing the whole run later.
     */
    private List<String> problems(final ChangeSet changeSet) {
        if (changeSet.isIgnore() || changeSet.getOnValidationFail() == ChangeSet.ValidationFailOption.MARK_RAN) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            try {
                ValidationErrors errors = change.validate(database);
                if (errors != null) {
                    problems.addAll(errors.getErrorMessages());
                }
            } catch (RuntimeException e) {
                problems.add(LiquibaseRun.rootMessage(e));
            }
        }
        return problems;
    }

    static String tagOf(final ChangeSet changeSet) {
        for (Change change : changeSet.getChanges()) {
            if (change instanceof TagDatabaseChange tag) {
                return tag.getTag();
            }
        }
        return "";
    }
}
