package io.jenkins.plugins.dataops.engine.quality;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The incremental column of a suite, resolved against the live schema, and the watermark this run starts from.
 * The watermark is kept as text (ISO-8601 for dates and timestamps, UTC for a column with time zone, a plain
 * decimal for numbers) and bound in the column's own Java type, so the database compares without converting the
 * column and an index on it can be used; the agent's time zone plays no part.
 *
 * @param column the incremental column
 * @param after  the watermark: rows with a greater value are the changed rows; empty for a full run
 */
record Increment(ColumnInfo column, Optional<String> after) {
    /**
     * Tells whether a column can carry a watermark: a date, a timestamp (with or without time zone) or an exact
     * number; a floating-point, text, boolean or time-of-day column cannot (it does not grow with each change).
     *
     * @param column the column
     * @return true when it can
     */
    static boolean fits(final ColumnInfo column) {
        return column.isTemporal() && kind(column) != Kind.NONE || column.isNumeric() && !column.isFloatingPoint();
    }

    /** Tells whether this run checks only the changed rows. */
    boolean isIncremental() {
        return after.isPresent();
    }

    /**
     * Returns the watermark in the column's Java type, for binding.
     *
     * @return the value
     * @throws IllegalArgumentException when the stored text does not fit the column (edited, or the column's type
     *                                  changed)
     */
    Object bindValue() {
        return parse(column, after.orElseThrow());
    }

    /**
     * Converts a stored watermark to the column's Java type.
     *
     * @param column the incremental column
     * @param text   the watermark as stored
     * @return a LocalDate, LocalDateTime, OffsetDateTime, Long or BigDecimal
     * @throws IllegalArgumentException naming the value and the column when it does not fit
     */
    static Object parse(final ColumnInfo column, final String text) {
        try {
            return switch (kind(column)) {
                case DATE -> LocalDate.parse(text);
                case TIMESTAMP -> LocalDateTime.parse(text);
                case INSTANT -> OffsetDateTime.parse(text);
                case INTEGER -> Long.parseLong(text);
                case DECIMAL -> new BigDecimal(text);
                case NONE ->
                    throw new IllegalArgumentException("column '%s' is %s, which cannot carry a watermark"
                            .formatted(column.name(), column.describeType()));
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "watermark '%s' does not fit column '%s' (%s)"
                            .formatted(text, column.name(), column.describeType()),
                    e);
        }
    }

    /**
     * Reads the newest value of the column from a result row, as watermark text.
     *
     * @param rs    the result, positioned on its row
     * @param index the 1-based column of {@code MAX(column)}
     * @return the text, empty when the column had no value (no rows)
     * @throws SQLException when the value cannot be read
     */
    Optional<String> read(final ResultSet rs, final int index) throws SQLException {
        Object value =
                switch (kind(column)) {
                    case DATE -> rs.getObject(index, LocalDate.class);
                    case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
                    case INSTANT ->
                        Optional.ofNullable(rs.getObject(index, OffsetDateTime.class))
                                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC))
                                .orElse(null);
                    case INTEGER -> rs.getObject(index) == null ? null : rs.getLong(index);
                    case DECIMAL ->
                        Optional.ofNullable(rs.getBigDecimal(index))
                                .map(BigDecimal::toPlainString)
                                .orElse(null);
                    case NONE -> null;
                };
        return Optional.ofNullable(value).map(String::valueOf);
    }

    private static Kind kind(final ColumnInfo column) {
        if (column.isInteger()) {
            return Kind.INTEGER;
        }
        if (column.isNumeric()) {
            return column.isFloatingPoint() ? Kind.NONE : Kind.DECIMAL;
        }
        if (column.jdbcType() == java.sql.Types.DATE) {
            return Kind.DATE;
        }
        if (column.jdbcType() == java.sql.Types.TIMESTAMP
                || column.jdbcType() == java.sql.Types.TIMESTAMP_WITH_TIMEZONE) {
            return column.hasTimeZone() ? Kind.INSTANT : Kind.TIMESTAMP;
        }
        return Kind.NONE;
    }

    private enum Kind {
        DATE,
        TIMESTAMP,
        INSTANT,
        INTEGER,
        DECIMAL,
        NONE
    }
}
