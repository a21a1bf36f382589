package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ChangeLogParseException;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * One unit of Liquibase work against one environment: opens the connection, wraps it as a Liquibase
 * {@link Database}, and runs the body inside a Liquibase scope whose UI is our progress listener, whose
 * logging is silent, whose analytics are off, whose resources are read from the changelog's folder (or the
 * search path) and whose class loader is the engine's own, extended by the request's extension jars. Every file
 * the run opens passes the same {@link ReadBoundary} as the fingerprint's read: an update, a rollback or a status
 * never reads a file outside the product's folder, also when the file changed after the fingerprint was taken.
 */
final class LiquibaseRun {
    /** What runs inside the scope. */
    @FunctionalInterface
    interface Body<T> {
        T run(Database database) throws Exception;
    }

    /** The loader that holds Liquibase and its services: the engine's, whatever the calling thread carries. */
    private static final ClassLoader ENGINE_LOADER = LiquibaseRun.class.getClassLoader();

    private LiquibaseRun() {}

    static <T> T with(final MigrationRequest request, final Body<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // Liquibase builds each thread's root scope (its service locator, configuration and log service) from the
        // thread's context class loader before any scope of ours exists; a Jenkins step thread carries core's
        // loader, which cannot see Liquibase. So the engine's loader is the context loader while Liquibase runs.
        thread.setContextClassLoader(ENGINE_LOADER);
        try {
            return inScope(request, body);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static <T> T inScope(final MigrationRequest request, final Body<T> body) {
        DatabaseTarget target = request.target();
        Path changelog = request.changelog();
        ReadBoundary boundary = boundary(request);
        Connection connection = target.open();
        try (ExtensionLoader extensions = ExtensionLoader.of(request.extensions(), LiquibaseRun.class)) {
            Map<String, Object> scope = Map.of(
                    Scope.Attr.ui.name(),
                    new ProgressUiService(request.progress()),
                    Scope.Attr.logService.name(),
                    new NoOpLogService(),
                    Scope.Attr.resourceAccessor.name(),
                    new GuardedResourceAccessor(resources(request), boundary),
                    Scope.Attr.classLoader.name(),
                    extensions.loader(),
                    AnalyticsArgs.ENABLED.getKey(),
                    Boolean.FALSE,
                    "liquibase.showBanner",
                    Boolean.FALSE);
            // DatabaseFactory loads its implementations through the scope's class loader on first use: inside.
            return Scope.child(scope, () -> {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try {
                    T result = body.run(database);
                    boundary.throwIfRefused(); // a refused read Liquibase tolerated is refused all the same
                    return result;
                } finally {
                    database.close();
                }
            });
        } catch (DataOpsException e) {
            throw boundary.refusal().isPresent() ? refusal(request, boundary) : e;
        } catch (FileNotFoundException e) {
            throw new InvalidInputException(
                    "Changelog folder or search path entry not found: %s; check 'changelog' and 'searchPath' in the spec."
                            .formatted(e.getMessage()),
                    e);
        } catch (Exception e) {
            if (boundary.refusal().isPresent()) {
                throw refusal(request, boundary);
            }
            if (hasCause(e, ClassNotFoundException.class)) {
                throw MissingClass.explain(request, e);
            }
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

    private static ReadBoundary boundary(final MigrationRequest request) {
        try {
            ReadBoundary boundary = ReadBoundary.of(request.sources());
            boundary.readBy("Changelog '" + changelogName(request) + "'");
            return boundary;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(
                    "Changelog folder or search path entry not found: %s; check 'changelog' and 'searchPath' in the spec."
                            .formatted(e.getMessage()),
                    e);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "The product's folder or a 'searchPath' entry of changelog '%s' cannot be resolved: %s; check the spec."
                            .formatted(request.changelog(), e.getMessage()),
                    e);
        }
    }

    /**
     * Explains a refused read the way the fingerprint's read does, naming the changeset that reads the file (the
     * run itself only knows which file): the same tree read again, without a database, refuses at that changeset.
     */
    private static InvalidInputException refusal(final MigrationRequest request, final ReadBoundary boundary) {
        try {
            ChangeLogTreeReader.read(request.sources());
        } catch (InvalidInputException named) {
            return named;
        }
        return boundary.refusal().orElseThrow();
    }

    /**
     * Returns the name Liquibase knows the root changelog by: its path relative to the search path entry that
     * holds it (so {@code META-INF/...} includes resolve the way they do on a class path), else its file name.
     *
     * @param request the request
     * @return the name, with {@code /} separators
     */
    static String changelogName(final MigrationRequest request) {
        return changelogName(request.changelog(), request.searchPath());
    }

    static String changelogName(final Path file, final List<Path> searchPath) {
        Path changelog = file.toAbsolutePath().normalize();
        for (Path root : searchPath) {
            Path base = root.toAbsolutePath().normalize();
            if (changelog.startsWith(base)) {
                return base.relativize(changelog).toString().replace('\\', '/');
            }
        }
        return changelog.getFileName().toString();
    }

    private static ResourceAccessor resources(final MigrationRequest request) throws FileNotFoundException {
        return resources(request.changelog(), request.searchPath());
    }

    /** The changelog's folder (unless a search path entry holds the changelog), then the search path. */
    static ResourceAccessor resources(final Path file, final List<Path> searchPath) throws FileNotFoundException {
        List<ResourceAccessor> accessors = new ArrayList<>();
        Path changelog = file.toAbsolutePath().normalize();
        boolean underRoot = searchPath.stream()
                .anyMatch(root -> changelog.startsWith(root.toAbsolutePath().normalize()));
        if (!underRoot) {
            accessors.add(new DirectoryResourceAccessor(changelog.getParent()));
        }
        for (Path root : searchPath) {
            accessors.add(new DirectoryResourceAccessor(root));
        }
        return accessors.size() == 1 ? accessors.get(0) : new CompositeResourceAccessor(accessors);
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
