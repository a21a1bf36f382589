package io.jenkins.plugins.dataops.engine.provision.postgres;

import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.provision.EphemeralMarks;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PasswordUtil;

/**
 * The names and logins of one environment on a PostgreSQL server, derived from the spec: the database defaults
 * to {@code <product>_<environment>}, the role to the {@code roleCredentials} user, else the database's name; the
 * admin login comes from {@code credentials}; the role's own
 * login, if any, from {@code roleCredentials} (without it the role cannot log in and the engine works as admin).
 */
final class PostgresLayout {
    static final String MANAGED = "dataops-managed";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    private final ProvisioningContext context;
    private final String database;
    private final String role;
    private final DatabaseTarget admin;
    private final UsernamePassword roleLogin;

    private PostgresLayout(
            final ProvisioningContext context,
            final String database,
            final String role,
            final DatabaseTarget admin,
            final UsernamePassword roleLogin) {
        this.context = context;
        this.database = database;
        this.role = role;
        this.admin = admin;
        this.roleLogin = roleLogin;
    }

    static PostgresLayout of(final ProvisioningContext context) {
        var env = context.environment();
        String url = env.requiredString("url");
        if (!URL.matcher(url).matches()) {
            throw new InvalidInputException(
                    ("Environment '%s': 'url' must look like " + "'jdbc:postgresql://host:5432/postgres', not '%s'.")
                            .formatted(env.name(), url));
        }
        String fallback =
                (context.spec().product() + "_" + env.name()).replace('-', '_').toLowerCase(Locale.ROOT);
        UsernamePassword adminLogin = context.credentials().usernamePassword(env.requiredString("credentials"));
        UsernamePassword roleLogin = env.optionalString("roleCredentials")
                .map(id -> context.credentials().usernamePassword(id))
                .orElse(null);
        String database = identifier(
                env.name(), "database", env.optionalString("database").orElse(fallback));
        // The role is named after the database it owns (docs/spec.md): one name per environment to look for.
        String role = identifier(
                env.name(),
                "role",
                env.optionalString("role").orElse(roleLogin != null ? roleLogin.username() : database));
        return new PostgresLayout(
                context,
                database,
                role,
                new DatabaseTarget(env.name(), url, adminLogin.username(), adminLogin.password()),
                roleLogin);
    }

    private static String identifier(final String env, final String key, final String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidInputException(("Environment '%s': '%s' value '%s' must be a lower-case PostgreSQL "
                            + "identifier (letters, digits, '_', at most 63).")
                    .formatted(env, key, value));
        }
        return value;
    }

    String environment() {
        return context.environment().name();
    }

    String database() {
        return database;
    }

    String role() {
        return role;
    }

    DatabaseTarget admin() {
        return admin;
    }

    UsernamePassword roleLogin() {
        return roleLogin;
    }

    String quote(final String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The target the migrate and test steps use: the environment's database, as the role when it can log in. */
    DatabaseTarget target() {
        Matcher m = URL.matcher(admin.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalStateException("checked in of(): " + admin.jdbcUrl());
        }
        String url = m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
        return roleLogin == null
                ? new DatabaseTarget(environment(), url, admin.user(), admin.password())
                : new DatabaseTarget(environment(), url, roleLogin.username(), roleLogin.password());
    }

    /**
     * The login part of CREATE or ALTER ROLE. The password goes as a SCRAM-SHA-256 verifier computed here, on the
     * client (PostgreSQL stores a verifier as it is): the clear password never travels in a statement, so a
     * failing CREATE ROLE, {@code log_statement} or {@code pg_stat_statements} cannot put it into the server's log.
     */
    String loginClause() {
        return roleLogin == null
                ? " NOLOGIN"
                : " LOGIN PASSWORD '"
                        + PasswordUtil.encodeScramSha256(roleLogin.password().toCharArray())
                                .replace("'", "''") + "'";
    }

    /** The ownership comment: who made it, for which product and environment, and for ephemeral ones the expiry. */
    String comment(final String kind, final String quotedName, final String how) {
        String text = EphemeralMarks.of(context).replaceFirst("^dataops-managed", "dataops-" + how);
        return "COMMENT ON " + kind + quotedName + " IS '" + text.replace("'", "''") + "'";
    }
}
