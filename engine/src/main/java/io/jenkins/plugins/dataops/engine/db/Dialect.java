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
                .formatted(jdbcUrl.replaceAll("(?i)password=[^;&]*", "password=****")));
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
}
