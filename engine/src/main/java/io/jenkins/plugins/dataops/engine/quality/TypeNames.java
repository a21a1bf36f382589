package io.jenkins.plugins.dataops.engine.quality;

import java.sql.JDBCType;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a column type written in a schema check with the type the database reports, across the spellings
 * of H2, PostgreSQL and SQL Server ({@code INT}, {@code INTEGER}, {@code int4} are the same type). Lengths and
 * precisions are ignored: {@code VARCHAR} matches {@code VARCHAR(200)}.
 */
final class TypeNames {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("INT", "INTEGER"),
            Map.entry("INT4", "INTEGER"),
            Map.entry("INT8", "BIGINT"),
            Map.entry("INT2", "SMALLINT"),
            Map.entry("CHARACTER VARYING", "VARCHAR"),
            Map.entry("NVARCHAR", "VARCHAR"),
            Map.entry("VARCHAR2", "VARCHAR"),
            Map.entry("CHARACTER", "CHAR"),
            Map.entry("BPCHAR", "CHAR"),
            Map.entry("NCHAR", "CHAR"),
            Map.entry("NUMERIC", "DECIMAL"),
            Map.entry("DEC", "DECIMAL"),
            Map.entry("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"),
            Map.entry("DATETIME", "TIMESTAMP"),
            Map.entry("DATETIME2", "TIMESTAMP"),
            Map.entry("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("DATETIMEOFFSET", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("TIMESTAMP_WITH_TIMEZONE", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("BOOL", "BOOLEAN"),
            Map.entry("BIT", "BOOLEAN"),
            Map.entry("DOUBLE PRECISION", "DOUBLE"),
            Map.entry("FLOAT8", "DOUBLE"),
            Map.entry("FLOAT", "DOUBLE"),
            Map.entry("FLOAT4", "REAL"),
            Map.entry("CLOB", "TEXT"),
            Map.entry("CHARACTER LARGE OBJECT", "TEXT"),
            Map.entry("LONGVARCHAR", "TEXT"));

    private TypeNames() {}

    /**
     * Tells whether an expected type matches a column.
     *
     * @param expected the type written in the suite, e.g. {@code VARCHAR(200)} or {@code int}
     * @param column   the column
     * @return true when the canonical names agree
     */
    static boolean matches(final String expected, final ColumnInfo column) {
        String want = canonical(expected);
        return want.equals(canonical(column.typeName())) || want.equals(canonical(jdbcName(column.jdbcType())));
    }

    static String canonical(final String type) {
        String bare =
                type.replaceAll("\\(.*?\\)", "").replaceAll("\\s+", " ").trim().toUpperCase(Locale.ROOT);
        return ALIASES.getOrDefault(bare, bare);
    }

    private static String jdbcName(final int jdbcType) {
        try {
            return JDBCType.valueOf(jdbcType).getName();
        } catch (IllegalArgumentException unknown) {
            // a vendor type code: only the database's own type name can match
            return "";
        }
    }
}
