package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ChangeLogParseException;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * One unit of Liquibase work against one environment: opens the connection, wraps it as a Liquibase
 * {@link Database}, and runs the body inside a Liquibase scope whose UI is our progress listener, whose
 * logging is silent, whose analytics are off and whose resources are read from the changelog's folder.
 */
final class LiquibaseRun {
    /** What runs inside the scope. */
    @FunctionalInterface
    interface Body<T> {
        T run(Database database) throws Exception;
    }

    private LiquibaseRun() {}

    static <T> T with(
            final DatabaseTarget target, final Path changelog, final ProgressListener progress, final Body<T> body) {
        Connection connection = target.open();
        try {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try {
                Map<String, Object> scope = Map.of(
                        Scope.Attr.ui.name(),
                        new ProgressUiService(progress),
                        Scope.Attr.logService.name(),
                        new NoOpLogService(),
                        Scope.Attr.resourceAccessor.name(),
                        new DirectoryResourceAccessor(changelog.getParent()),
                        AnalyticsArgs.ENABLED.getKey(),
                        Boolean.FALSE,
                        "liquibase.showBanner",
                        Boolean.FALSE);
                return Scope.child(scope, () -> body.run(database));
            } finally {
                database.close();
            }
        } catch (DataOpsException e) {
            throw e;
        } catch (FileNotFoundException e) {
            throw new DataOpsException("Changelog folder '%s' not found.".formatted(changelog.getParent()), e);
        } catch (Exception e) {
            if (hasCause(e, ChangeLogParseException.class)) {
                throw new InvalidInputException(
                        "Changelog '%s' cannot be read: %s".formatted(changelog, rootMessage(e)), e);
            }
            throw new DataOpsException(
                    "Liquibase failed on environment '%s': %s"
                            .formatted(target.environment(), SecretScrubber.scrub(rootMessage(e), target.password())),
                    e);
        } finally {
            closeQuietly(connection);
        }
    }

    static boolean hasCause(final Throwable e, final Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void closeQuietly(final Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException e) {
            // Already closed by database.close(), or the server went away: nothing is left to release.
        }
    }
}
