package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/**
 * Reads a changelog and describes its changesets the way our checks need them: identity, checksum, tag, whether
 * it can be rolled back, and what it destroys.
 */
final class ChangeLogInspector {
    /** Raw SQL that removes data or structure. */
    private static final Pattern DESTRUCTIVE_SQL = Pattern.compile(
            "\\b(DROP\\s+(TABLE|COLUMN|SCHEMA|DATABASE)|TRUNCATE\\b|ALTER\\s+TABLE\\s+\\S+\\s+DROP\\b)",
            Pattern.CASE_INSENSITIVE);

    private final Database database;
    private final DatabaseChangeLog changeLog;
    private final NarrowingDetector narrowing;

    private ChangeLogInspector(final Database database, final DatabaseChangeLog changeLog) {
        this.database = database;
        this.changeLog = changeLog;
        this.narrowing = new NarrowingDetector(database);
    }

    static ChangeLogInspector parse(final Database database, final Path changelog) throws LiquibaseException {
        ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
        String name = changelog.getFileName().toString();
        DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance()
                .getParser(name, accessor)
                .parse(name, new ChangeLogParameters(database), accessor);
        return new ChangeLogInspector(database, parsed);
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
        if (tag != null && !tags().contains(tag)) {
            throw new InvalidInputException("Tag '%s' is not declared in changelog '%s'; declared tags: %s."
                    .formatted(tag, changeLog.getPhysicalFilePath(), tags()));
        }
        List<ChangeSetInfo> pending = new ArrayList<>();
        for (ChangeSet changeSet : changeSets()) {
            if (ran.stream().noneMatch(r -> r.isSameAs(changeSet))) {
                pending.add(describe(changeSet));
            }
            if (tag != null && tag.equals(tagOf(changeSet))) {
                break;
            }
        }
        return pending;
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
        return new ChangeSetInfo(
                changeSet.getId(),
                changeSet.getAuthor(),
                changeSet.getFilePath(),
                changeSet.generateCheckSum(ChecksumVersion.latest()).toString(),
                tagOf(changeSet),
                changeSet.supportsRollback(database),
                destructiveChanges(changeSet));
    }

    private List<String> destructiveChanges(final ChangeSet changeSet) {
        List<String> found = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof DropTableChange drop) {
                found.add("drop table " + drop.getTableName());
            } else if (change instanceof DropColumnChange drop) {
                found.add("drop column " + drop.getTableName() + "."
                        + (drop.getColumnName() != null
                                ? drop.getColumnName()
                                : drop.getColumns().stream()
                                        .map(c -> c.getName())
                                        .toList()));
            } else if (change instanceof ModifyDataTypeChange modify) {
                narrowing.describe(modify).ifPresent(found::add);
            } else if (change instanceof AbstractSQLChange sql
                    && sql.getSql() != null
                    && DESTRUCTIVE_SQL.matcher(sql.getSql()).find()) {
                found.add("raw SQL that drops or truncates: " + abbreviate(sql.getSql()));
            }
        }
        return found;
    }

    private static String abbreviate(final String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
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
