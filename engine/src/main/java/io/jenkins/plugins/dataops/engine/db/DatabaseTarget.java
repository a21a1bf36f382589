package io.jenkins.plugins.dataops.engine.db;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.Serial;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where an environment's database is and how to log in to it. The password never appears in
 * {@link #toString()} or in an error message.
 */
public final class DatabaseTarget implements Serializable {
    /** How often {@link #open()} tries while another process starts the shared H2 server of the same file. */
    private static final int OPEN_ATTEMPTS = 6;

    private static final int H2_ERROR_OPENING_DATABASE = 8000;
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Serial
    private static final long serialVersionUID = 1L;

    /** What a state schema name may be: a plain identifier, so it is never quoted and never injected. */
    public static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    private final String environment;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final String stateSchema;

    /**
     * Creates a target.
     *
     * @param environment the environment name, for messages
     * @param jdbcUrl     the JDBC URL, without credentials in it
     * @param user        the login
     * @param password    the password (may be empty)
     */
    public DatabaseTarget(final String environment, final String jdbcUrl, final String user, final String password) {
        this(environment, jdbcUrl, user, password, "");
    }

    private DatabaseTarget(
            final String environment,
            final String jdbcUrl,
            final String user,
            final String password,
            final String stateSchema) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.dialect = Dialect.ofJdbcUrl(jdbcUrl);
        if (!stateSchema.isEmpty() && !SCHEMA_NAME.matcher(stateSchema).matches()) {
            throw new IllegalArgumentException(
                    "State schema '%s' must be letters, digits or '_', starting with a letter.".formatted(stateSchema));
        }
        this.stateSchema = stateSchema;
    }

    /**
     * Returns this target with the product's own tables (lock, release history) in another schema.
     *
     * @param schema a plain identifier; empty for the connection's default schema
     * @return the new target
     * @throws IllegalArgumentException when the name is not a plain identifier
     */
    public DatabaseTarget withStateSchema(final String schema) {
        return new DatabaseTarget(environment, jdbcUrl, user, password, Objects.requireNonNull(schema, "schema"));
    }

    /**
     * Returns the schema of the product's own tables.
     *
     * @return the schema name, empty for the connection's default schema
     */
    public String stateSchema() {
        return stateSchema;
    }

    public String environment() {
        return environment;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /**
     * Returns the password, for the few places that hand it to a driver.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Opens a new connection through the engine's own JDBC driver (never {@code DriverManager}, see
     * {@link JdbcDrivers}). The caller closes it.
     *
     * @return an open connection with auto-commit on
     * @throws DataOpsException naming the environment and URL (never the password) when the login fails
     */
    public Connection open() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        try {
            Driver driver = JdbcDrivers.forUrl(jdbcUrl);
            for (int attempt = 1; ; attempt++) {
                try {
                    return connect(driver, properties);
                } catch (SQLException e) {
                    if (attempt >= OPEN_ATTEMPTS || !isSharedH2StartingUp(e)) {
                        throw e;
                    }
                    pause(attempt, e);
                }
            }
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot connect to the database of environment '%s' at '%s' as '%s': %s"
                            .formatted(
                                    environment,
                                    SecretScrubber.url(jdbcUrl),
                                    user,
                                    SecretScrubber.url(SecretScrubber.scrub(e.getMessage(), password))),
                    e);
        }
    }

    private Connection connect(final Driver driver, final Properties properties) throws SQLException {
        Connection connection = driver.connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("the driver " + driver.getClass().getName() + " refused the URL");
        }
        return connection;
    }

    /**
     * Two processes opening one embedded H2 file in automatic server mode at the same moment race for its lock
     * file: the loser sees "Lock file recently modified" (8000) or "already in use" (90020) while the winner is
     * still starting the server it would connect to. A short wait and a new attempt connect it to that server.
     */
    private boolean isSharedH2StartingUp(final SQLException e) {
        return jdbcUrl.startsWith("jdbc:h2:")
                && jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE")
                && (e.getErrorCode() == H2_ERROR_OPENING_DATABASE || e.getErrorCode() == H2_DATABASE_ALREADY_OPEN);
    }

    private static void pause(final int attempt, final SQLException cause) throws SQLException {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + environment + ", " + SecretScrubber.url(jdbcUrl) + ", user=" + user
                + ", password=****]";
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DatabaseTarget other
                && environment.equals(other.environment)
                && jdbcUrl.equals(other.jdbcUrl)
                && user.equals(other.user)
                && password.equals(other.password)
                && stateSchema.equals(other.stateSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(environment, jdbcUrl, user, password, stateSchema);
    }
}
