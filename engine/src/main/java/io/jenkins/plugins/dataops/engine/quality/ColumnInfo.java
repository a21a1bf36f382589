package io.jenkins.plugins.dataops.engine.quality;

import java.sql.Types;
import java.util.Set;

/**
 * A column as the database metadata describes it.
 *
 * @param name     the real name, as stored in the database
 * @param jdbcType the {@link Types} constant
 * @param typeName the database's own type name, e.g. {@code int8} or {@code CHARACTER VARYING}
 */
record ColumnInfo(String name, int jdbcType, String typeName) {
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

    boolean isText() {
        return TEXT.contains(jdbcType);
    }

    boolean isBoolean() {
        return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
    }
}
