package io.jenkins.plugins.dataops.engine.drift;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An empty database of the same dialect as an environment, for building the schema its changelog produces, and
 * removed when closed: an embedded H2 database in a temporary folder, or a throw-away database on the
 * environment's PostgreSQL server. The environment's own database is never touched.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");
    /** H2 settings that concern how the file is opened, not how SQL behaves; the scratch copy has its own. */
    private static final Set<String> H2_OPENING_SETTINGS = Set.of(
            "AUTO_SERVER",
            "AUTO_SERVER_PORT",
            "IFEXISTS",
            "FILE_LOCK",
            "ACCESS_MODE_DATA",
            "USER",
            "PASSWORD",
            "CIPHER",
            "INIT");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseTarget target;
    private final DatabaseTarget live;
    private final Path folder;
    private final String postgresName;
    private final ProgressListener progress;

    private ScratchDatabase(
            final DatabaseTarget target,
            final DatabaseTarget live,
            final Path folder,
            final String postgresName,
            final ProgressListener progress) {
        this.target = target;
        this.live = live;
        this.folder = folder;
        this.postgresName = postgresName;
        this.progress = progress;
    }

    /**
     * Creates an empty database beside an environment's.
     *
     * @param live     the environment's database
     * @param progress where a failed clean-up is reported
     * @return the scratch database; close it to remove it
     * @throws DataOpsException naming the permission needed when the server refuses to create it, or for SQL
     *                          Server, where a scratch database is not created
     */
    public static ScratchDatabase besides(final DatabaseTarget live, final ProgressListener progress) {
        return switch (live.dialect()) {
            case H2 -> h2(live, progress);
            case POSTGRES -> postgres(live, progress);
            case SQLSERVER ->
                throw new DataOpsException(("Drift detection on SQL Server needs a scratch database, which DataOps "
                                + "does not create for environment '%s' (Azure SQL bills every database); compare it "
                                + "with an H2 or PostgreSQL environment at the same release instead.")
                        .formatted(live.environment()));
        };
    }

    /** @return where the scratch database is, with the environment's login (or H2's local one) */
    public DatabaseTarget target() {
        return target;
    }

    private static ScratchDatabase h2(final DatabaseTarget live, final ProgressListener progress) {
        try {
            Path folder = Files.createTempDirectory("dataops-drift-");
            String[] parts = live.jdbcUrl().split(";");
            String settings = Stream.of(parts)
                    .skip(1)
                    .filter(p -> !H2_OPENING_SETTINGS.contains(
                            p.split("=", 2)[0].strip().toUpperCase(Locale.ROOT)))
                    .map(p -> ";" + p)
                    .collect(Collectors.joining());
            String url = "jdbc:h2:file:"
                    + folder.resolve("expected").toAbsolutePath().toString().replace('\\', '/') + settings;
            return new ScratchDatabase(
                    new DatabaseTarget(live.environment() + " (expected)", url, "sa", ""),
                    live,
                    folder,
                    null,
                    progress);
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot create a temporary folder for the scratch database of environment '%s': %s; check the "
                                    .formatted(live.environment(), e.getMessage())
                            + "free space and permissions of the temporary folder.",
                    e);
        }
    }

    private static ScratchDatabase postgres(final DatabaseTarget live, final ProgressListener progress) {
        Matcher url = POSTGRES_URL.matcher(live.jdbcUrl());
        if (!url.matches()) {
            throw new DataOpsException("Cannot derive a scratch database URL from '%s' of environment '%s'."
                    .formatted(SecretScrubber.url(live.jdbcUrl()), live.environment()));
        }
        String name = "dataops_scratch_" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        List<String> searchPath;
        try (Connection connection = live.open();
                Statement statement = connection.createStatement()) {
            searchPath = searchPath(statement);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new DataOpsException(refusal(live, e), e);
        }
        String scratchUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
        ScratchDatabase scratch = new ScratchDatabase(
                new DatabaseTarget(live.environment() + " (expected)", scratchUrl, live.user(), live.password()),
                live,
                null,
                name,
                progress);
        scratch.createSchemas(searchPath);
        return scratch;
    }

    /** The schemas of the live session's search path that exist (a {@code ?currentSchema=} of the URL). */
    private static List<String> searchPath(final Statement statement) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT unnest(current_schemas(false))")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }

    /**
     * Creates the live search path's schemas in the scratch database, whose URL names them too: the changelog
     * builds its objects in the first of them, as it did in the environment.
     */
    private void createSchemas(final List<String> schemas) {
        try (Connection connection = target.open();
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Dialect.POSTGRES.quote(schema));
            }
        } catch (SQLException | DataOpsException e) {
            close();
            throw new DataOpsException(
                    "Cannot create the schemas %s in the scratch database of environment '%s': %s."
                            .formatted(
                                    schemas,
                                    live.environment(),
                                    SecretScrubber.scrub(String.valueOf(e.getMessage()), live.password())),
                    e);
        }
    }

    private static String refusal(final DatabaseTarget live, final SQLException e) {
        String why = SecretScrubber.scrub(String.valueOf(e.getMessage()), live.password());
        if ("42501".equals(e.getSQLState())) {
            return ("Cannot create a scratch database on the PostgreSQL server of environment '%s': login '%s' lacks "
                            + "the CREATEDB privilege (%s). Grant it with 'ALTER ROLE %s CREATEDB'; the drift check "
                            + "builds the expected schema there and drops it afterwards.")
                    .formatted(live.environment(), live.user(), why, live.user());
        }
        return "Cannot create a scratch database on the PostgreSQL server of environment '%s' as '%s': %s."
                .formatted(live.environment(), live.user(), why);
    }

    @Override
    public void close() {
        if (postgresName != null) {
            dropPostgres();
        } else {
            deleteFolder();
        }
    }

    private void dropPostgres() {
        try (Connection connection = live.open();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + postgresName);
        } catch (SQLException | DataOpsException e) {
            progress.warn("Could not drop the scratch database '%s' of environment '%s': %s; drop it by hand."
                    .formatted(
                            postgresName, live.environment(), SecretScrubber.scrub(e.getMessage(), live.password())));
        }
    }

    private void deleteFolder() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            progress.warn("Could not delete the scratch database folder '%s': %s".formatted(folder, e.getMessage()));
        }
    }
}
