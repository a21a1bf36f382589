package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogFiles;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogSources;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/**
 * Reads a changelog tree the way an update reads it, without a database, through a {@link ReadBoundary}: every
 * file Liquibase opens (changelogs, includes, {@code includeAll} folders, {@code sqlFile}, {@code loadData} and
 * {@code path} files, and those of {@code rollback} blocks) is admitted and recorded, or refused naming the
 * changeset. Each changeset's checksum is
 * computed on the way, which is what opens the files its changes point to.
 */
final class ChangeLogTreeReader {
    private static final ClassLoader ENGINE_LOADER = ChangeLogTreeReader.class.getClassLoader();

    private ChangeLogTreeReader() {}

    static ChangeLogFiles read(final ChangeLogSources sources) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // As in LiquibaseRun: Liquibase builds its root scope from the context loader, which must see Liquibase.
        thread.setContextClassLoader(ENGINE_LOADER);
        try {
            return inScope(sources, ReadBoundary.of(sources));
        } catch (java.io.IOException e) {
            throw new InvalidInputException(
                    "The product's folder or a 'searchPath' entry of changelog '%s' cannot be resolved: %s; check the spec."
                            .formatted(sources.changelog(), e.getMessage()),
                    e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static ChangeLogFiles inScope(final ChangeLogSources sources, final ReadBoundary boundary) {
        try (ExtensionLoader extensions = ExtensionLoader.of(sources.extensions(), ChangeLogTreeReader.class)) {
            ResourceAccessor accessor = new GuardedResourceAccessor(
                    LiquibaseRun.resources(sources.changelog(), sources.searchPath()), boundary);
            Map<String, Object> scope = Map.of(
                    Scope.Attr.ui.name(),
                    new ProgressUiService(ProgressListener.NONE),
                    Scope.Attr.logService.name(),
                    new NoOpLogService(),
                    Scope.Attr.resourceAccessor.name(),
                    accessor,
                    Scope.Attr.classLoader.name(),
                    extensions.loader(),
                    AnalyticsArgs.ENABLED.getKey(),
                    Boolean.FALSE,
                    "liquibase.showBanner",
                    Boolean.FALSE);
            return Scope.child(scope, () -> walk(sources, boundary, accessor));
        } catch (DataOpsException e) {
            throw e;
        } catch (Exception e) {
            throw explain(sources, boundary, e);
        }
    }

    private static ChangeLogFiles walk(
            final ChangeLogSources sources, final ReadBoundary boundary, final ResourceAccessor accessor)
            throws Exception {
        String name = LiquibaseRun.changelogName(sources.changelog(), sources.searchPath());
        boundary.readBy("Changelog '" + name + "'");
        DatabaseChangeLog changeLog = parse(name, accessor);
        boundary.throwIfRefused();
        Map<String, String> checksums = new LinkedHashMap<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            String key = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
            boundary.readBy("Changeset '%s::%s' in file '%s'"
                    .formatted(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath()));
            try {
                checksums.put(
                        key,
                        changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
                readRollback(changeSet);
            } catch (RuntimeException e) {
                boundary.throwIfRefused(); // the refused file is why the checksum failed: say that
                throw e;
            }
            boundary.throwIfRefused();
        }
        return new ChangeLogFiles(boundary.files(), checksums);
    }

    /**
     * Opens the files of the changeset's rollback ({@code sqlFile} in a {@code rollback} block): Liquibase's
     * checksum leaves the rollback out, but a rollback reads them, so they are in the boundary and the release.
     */
    private static void readRollback(final ChangeSet changeSet) {
        for (Change change : changeSet.getRollback().getChanges()) {
            change.generateCheckSum();
        }
    }

    private static DatabaseChangeLog parse(final String name, final ResourceAccessor accessor) throws Exception {
        ChangeLogParameters parameters = new ChangeLogParameters();
        parameters.addJavaProperties();
        parameters.addDefaultFileProperties();
        return ChangeLogParserFactory.getInstance().getParser(name, accessor).parse(name, parameters, accessor);
    }

    private static DataOpsException explain(
            final ChangeLogSources sources, final ReadBoundary boundary, final Exception e) {
        Optional<InvalidInputException> refusal = boundary.refusal();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (LiquibaseRun.hasCause(e, ClassNotFoundException.class)) {
            return MissingClass.explain(sources.changelog(), sources.searchPath(), e);
        }
        // No database is involved: whatever fails here is the changelog's content or a file it names.
        return new InvalidInputException(
                "Changelog '%s' cannot be read: %s; fix the changelog or the file it names."
                        .formatted(sources.changelog(), LiquibaseRun.rootMessage(e)),
                e);
    }
}
