package io.jenkins.plugins.dataops.engine.db;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema a session creates and finds unqualified objects in. On PostgreSQL it comes from the URL's
 * {@code ?currentSchema=} (or the login's {@code search_path}); when none of those schemas exists, PostgreSQL
 * has no current schema and every {@code CREATE} fails ("no schema has been selected to create in"). Checking it
 * before the first change turns that into one clear sentence, before anything is locked or applied.
 */
public final class SessionSchema {
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]*)");

    private SessionSchema() {}

    /**
     * Refuses a PostgreSQL session without a current schema.
     *
     * @param connection an open connection of the target
     * @param target     the environment's database
     * @throws InvalidInputException naming the URL's schema when none of the search path exists
     * @throws SQLException          when the session cannot be asked
     */
    public static void require(final Connection connection, final DatabaseTarget target) throws SQLException {
        if (target.dialect() != Dialect.POSTGRES || connection.getSchema() != null) {
            return;
        }
        Matcher named = CURRENT_SCHEMA.matcher(target.jdbcUrl());
        String schema = named.find() ? named.group(1) : "";
        throw new InvalidInputException(
                schema.isEmpty()
                        ? ("Environment '%s': no schema of login '%s''s search_path exists in its database; create one "
                                        + "(CREATE SCHEMA ...) or set '?currentSchema=' in the environment's 'url'.")
                                .formatted(target.environment(), target.user())
                        : ("Environment '%s': the schema of its URL (currentSchema=%s) does not exist in its database; "
                                        + "create it first (CREATE SCHEMA %s) or correct 'url' in the spec.")
                                .formatted(target.environment(), schema, schema.split(",")[0]));
    }
}
