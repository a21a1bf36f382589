package io.jenkins.plugins.dataops.engine.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Converts a value written in a suite to the Java type that matches its column, so it can be bound as a
 * parameter: numbers for number columns, dates and date-times for date and time columns (never converted in
 * the agent's time zone, see {@link RangeBound#bindValue}), booleans for boolean columns, text for everything
 * else.
 */
final class BindValues {
    private BindValues() {}

    /**
     * Returns a number in the Java type of its column, so the database compares it without converting the
     * column: an {@code int} column compared with a {@code numeric} parameter would be cast on every row, which
     * makes a scan several times slower on PostgreSQL.
     */
    private static Object number(final ColumnInfo column, final BigDecimal value) {
        if (column.isInteger() && value.stripTrailingZeros().scale() <= 0) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException outOfRange) {
                // beyond a long: compare as a decimal, correct if slower
                return value;
            }
        }
        if (column.isFloatingPoint()) {
            return value.doubleValue();
        }
        return value;
    }

    /**
     * Converts a value.
     *
     * @param column the column it is compared with
     * @param text   the value as written
     * @param now    the time of the run, for {@code now}-relative dates
     * @return a Long (integer columns), Double (floating-point columns), BigDecimal, LocalDate (date-only
     *     bounds), OffsetDateTime (columns with time zone), LocalDateTime, Boolean or String
     * @throws IllegalArgumentException when the value does not fit the column's type
     */
    static Object of(final ColumnInfo column, final String text, final Instant now) {
        if (column.isNumeric()) {
            try {
                return number(column, new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "value '%s' is not a number, but column '%s' is %s"
                                .formatted(text, column.name(), column.describeType()),
                        e);
            }
        }
        if (column.isTemporal()) {
            RangeBound bound = RangeBound.parse(text);
            if (bound.isNumber()) {
                throw new IllegalArgumentException("value '%s' is a number, but column '%s' is %s"
                        .formatted(text, column.name(), column.describeType()));
            }
            if (bound.isDateOnly()) {
                // an SQL DATE: the database compares it with the column, the agent's time zone plays no part
                return ((LocalDateTime) bound.value(now)).toLocalDate();
            }
            return bound.bindValue(now, column.hasTimeZone());
        }
        if (column.isBoolean()) {
            String lower = text.trim().toLowerCase(Locale.ROOT);
            if (!"true".equals(lower) && !"false".equals(lower)) {
                throw new IllegalArgumentException("value '%s' is not true or false, but column '%s' is %s"
                        .formatted(text, column.name(), column.describeType()));
            }
            return Boolean.valueOf(lower);
        }
        return text;
    }
}
