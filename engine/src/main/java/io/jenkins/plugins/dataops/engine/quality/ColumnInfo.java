package io.jenkins.plugins.dataops.engine.quality;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * A column as the database metadata describes it. A column of a domain (a named type over a base type) carries
 * the base type's JDBC type, so checks treat it as its base type, and the domain's name for messages.
 *
 * @param name     the real name, as stored in the database
 * @param jdbcType the {@link Types} constant (of the base type for a domain)
 * @param typeName the database's own type name, e.g. {@code int8} or {@code CHARACTER VARYING}
 * @param size     the column size (length or precision) as metadata reports it, 0 when unknown
 * @param digits   the decimal digits (scale, or fractional seconds) as metadata reports it, 0 when unknown
 * @param domain   the domain's name, or empty when the column is not of a domain
 */
record ColumnInfo(String name, int jdbcType, String typeName, int size, int digits, String domain) {
    private static final Set<Integer> NUMERIC = Set.of(
            Types.TINYINT,
            Types.SMALLINT,
            Types.INTEGER,
            Types.BIGINT,
            Types.REAL,
            Types.FLOAT,
            Types.DOUBLE,
            Types.NUMERIC,
            Types.DECIMAL);
    private static final Set<Integer> TEMPORAL =
            Set.of(Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME, Types.TIME_WITH_TIMEZONE);
    private static final Set<Integer> TEXT = Set.of(
            Types.CHAR,
            Types.VARCHAR,
            Types.LONGVARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.LONGNVARCHAR,
            Types.CLOB,
            Types.NCLOB);

    ColumnInfo(final String name, final int jdbcType, final String typeName) {
        this(name, jdbcType, typeName, 0, 0, "");
    }

    boolean isNumeric() {
        return NUMERIC.contains(jdbcType);
    }

    boolean isInteger() {
        return jdbcType == Types.TINYINT
                || jdbcType == Types.SMALLINT
                || jdbcType == Types.INTEGER
                || jdbcType == Types.BIGINT;
    }

    boolean isFloatingPoint() {
        return jdbcType == Types.REAL || jdbcType == Types.FLOAT || jdbcType == Types.DOUBLE;
    }

    boolean isTemporal() {
        return TEMPORAL.contains(jdbcType);
    }

    /**
     * True for a column of instants: {@code timestamptz} (which PostgreSQL's driver reports as plain
     * {@code TIMESTAMP}), H2's {@code TIMESTAMP WITH TIME ZONE}, SQL Server's {@code datetimeoffset}.
     */
    boolean hasTimeZone() {
        String type = typeName.toLowerCase(Locale.ROOT);
        return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
                || "timestamptz".equals(type)
                || "datetimeoffset".equals(type)
                || type.startsWith("timestamp with time zone");
    }

    /** True for text columns; an enum (reported by JDBC as text, but with its own type name) is not text. */
    boolean isText() {
        return TEXT.contains(jdbcType) && (!domain.isEmpty() || TypeNames.isText(typeName));
    }

    boolean isBoolean() {
        return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
    }

    /** The type for messages: {@code int4}, or {@code domain positive_int over INTEGER}. */
    String describeType() {
        return domain.isEmpty() ? typeName : "domain " + domain + " over " + jdbcName();
    }

    private String jdbcName() {
        try {
            return java.sql.JDBCType.valueOf(jdbcType).getName();
        } catch (IllegalArgumentException vendorCode) {
            return "type " + jdbcType;
        }
    }
}
