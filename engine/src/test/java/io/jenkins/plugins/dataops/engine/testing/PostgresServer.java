package io.jenkins.plugins.dataops.engine.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests, started once per JVM from the Debian packages on a free local
 * port (initdb and pg_ctl run as the {@code postgres} OS user when the tests run as root). It fails loudly
 * when it cannot start: a test that needs PostgreSQL never skips silently. Each test asks for its own fresh
 * database with {@link #createDatabase(String)}.
 */
public final class PostgresServer {
    /** The superuser login of the throw-away cluster. */
    public static final String SUPERUSER = "postgres";
    /** The superuser password of the throw-away cluster (test only). */
    public static final String SUPERUSER_PASSWORD = "test-superuser-pw";

    private static PostgresServer instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final int port;
    private final Path binDir;
    private final boolean asPostgresUser;

    private PostgresServer(final Path dir, final int port, final Path binDir, final boolean asPostgresUser) {
        this.dir = dir;
        this.port = port;
        this.binDir = binDir;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Returns the server's log file, where PostgreSQL writes failing (and, when asked, all) statements.
     *
     * @return the log file
     */
    public Path serverLog() {
        return dir.resolve("server.log");
    }

    /**
     * Returns the cluster of this JVM, starting it on first use.
     *
     * @return the running server
     * @throws IllegalStateException with initdb's or the server's log when it cannot start
     */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "postgres-test-stop"));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /**
     * Returns a JDBC URL for a database of this server.
     *
     * @param database the database name
     * @return the URL
     */
    public String jdbcUrl(final String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates a fresh, empty database with a unique name.
     *
     * @param prefix a readable prefix, e.g. the test class
     * @return the database name
     */
    public String createDatabase(final String prefix) {
        String name = (prefix.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_"
                + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
        execute("CREATE DATABASE " + name);
        return name;
    }

    /**
     * Runs a statement as the superuser in the {@code postgres} database.
     *
     * @param sql the statement
     */
    public void execute(final String sql) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    /**
     * Opens a superuser connection to one database.
     *
     * @param database the database
     * @return the connection
     * @throws SQLException when it fails
     */
    public Connection connect(final String database) throws SQLException {
        // Straight through the driver, as the engine connects: the engine takes its drivers' registrations
        // back from DriverManager (see db.JdbcDrivers), so DriverManager may not know this one.
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", SUPERUSER);
        login.setProperty("password", SUPERUSER_PASSWORD);
        return new org.postgresql.Driver().connect(jdbcUrl(database), login);
    }

    private static PostgresServer start() {
        Path bin = findBinDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("dataops-pg-");
            Path data = dir.resolve("data");
            Path pwFile = dir.resolve("pw");
            Files.writeString(pwFile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir, false);
            }
            int port = freePort();
            PostgresServer server = new PostgresServer(dir, port, bin, root);
            server.runPg(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    SUPERUSER,
                    "--pwfile=" + pwFile,
                    "-A",
                    "scram-sha-256",
                    "-E",
                    "UTF8",
                    "--no-sync"));
            server.runPg(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    dir.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            runPg(List.of(
                    binDir.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "stop"));
        } catch (IllegalStateException e) {
            System.err.println("Test PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Cannot delete the test PostgreSQL folder " + dir + ": " + e.getMessage());
        }
    }

    private void runPg(final List<String> command) {
        run(command, dir, asPostgresUser);
    }

    private static void run(final List<String> command, final Path dir, final boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("dataops-pg-cmd", ".log");
            Process process = new ProcessBuilder(full)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                String log = Files.readString(out);
                Path serverLog = dir.resolve("server.log");
                if (Files.isReadable(serverLog)) {
                    log += "\n--- server.log ---\n" + Files.readString(serverLog);
                }
                throw new IllegalStateException("Test PostgreSQL command failed: " + full + "\n" + log);
            }
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + full, e);
        }
    }

    private static Path findBinDir() {
        Path root = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                        .orElseThrow(() -> notInstalled());
            } catch (IOException e) {
                throw notInstalled();
            }
        }
        throw notInstalled();
    }

    private static IllegalStateException notInstalled() {
        return new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql; "
                + "install the Debian package 'postgresql' (bash .ci/run does).");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
