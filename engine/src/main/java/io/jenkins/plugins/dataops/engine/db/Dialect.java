package io.jenkins.plugins.dataops.engine.db;

import java.util.Locale;

/** The SQL dialects the engine speaks. */
public enum Dialect {
    /** The embedded default. */
    H2,
    /** PostgreSQL 12 and newer. */
    POSTGRES,
    /** SQL Server and Azure SQL Database. */
    SQLSERVER;

    /**
     * Finds the dialect of a JDBC URL.
     *
     * @param jdbcUrl a JDBC URL
     * @return its dialect
     * @throws IllegalArgumentException for a database the engine does not support
     */
    public static Dialect ofJdbcUrl(final String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (url.startsWith("jdbc:sqlserver:")) {
            return SQLSERVER;
        }
        throw new IllegalArgumentException("Unsupported JDBC URL '%s'; use an H2, PostgreSQL or SQL Server URL."
                .formatted(SecretScrubber.url(jdbcUrl)));
    }

    /**
     * Quotes an identifier for this dialect. Callers validate identifiers against the live schema first;
     * quoting is the second line of defence, so an embedded quote character is doubled.
     *
     * @param identifier a table or column name
     * @return the quoted identifier
     */
    public String quote(final String identifier) {
        if (this == SQLSERVER) {
            return "[" + identifier.replace("]", "]]") + "]";
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * Tells whether this dialect can match a regular expression in SQL.
     *
     * @return false for SQL Server, which has no regular expressions before SQL Server 2025
     */
    public boolean supportsRegex() {
        return this != SQLSERVER;
    }

    /**
     * Returns a predicate that is true when a text expression matches a regular expression: PostgreSQL
     * {@code expr ~ pattern}, H2 {@code REGEXP_LIKE(expr, pattern)}.
     *
     * @param expression a quoted column or another SQL expression
     * @param pattern    the pattern expression, usually a bind parameter {@code ?}
     * @return the predicate
     * @throws UnsupportedOperationException for SQL Server (see {@link #supportsRegex()})
     */
    public String regexMatch(final String expression, final String pattern) {
        return switch (this) {
            case POSTGRES -> expression + " ~ " + pattern;
            case H2 -> "REGEXP_LIKE(" + expression + ", " + pattern + ")";
            default ->
                throw new UnsupportedOperationException(
                        "SQL Server has no regular expressions; use a 'sql' check with LIKE instead.");
        };
    }
}
