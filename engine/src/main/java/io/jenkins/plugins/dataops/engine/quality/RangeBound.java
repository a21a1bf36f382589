package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.spec.DurationParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound of a range check as written in a suite: a number ({@code 0}, {@code -1.5}), a date
 * ({@code 2020-01-01}), a date-time ({@code 2020-01-01T10:00:00}, with an optional offset), or a time relative
 * to the run ({@code now}, {@code now-30d}, {@code now+1h}). A date-time without offset is UTC; one with an offset
 * is that instant. Neither depends on the agent's time zone: see {@link #bindValue(Instant, boolean)}.
 */
final class RangeBound {
    private static final Pattern RELATIVE = Pattern.compile("now\\s*(?:([+-])\\s*(\\S+))?");

    private final String text;
    private final BigDecimal number;
    /** The date-time as an instant's UTC wall clock: a bound without offset as written, one with it converted. */
    private final LocalDateTime dateTime;

    private final Duration offsetFromNow;

    private RangeBound(
            final String text, final BigDecimal number, final LocalDateTime dateTime, final Duration offsetFromNow) {
        this.text = text;
        this.number = number;
        this.dateTime = dateTime;
        this.offsetFromNow = offsetFromNow;
    }

    /**
     * Parses a bound.
     *
     * @param text the bound as written
     * @return the bound
     * @throws IllegalArgumentException when it is neither a number, a date, a date-time nor {@code now[+-age]}
     */
    static RangeBound parse(final String text) {
        String trimmed = text.trim();
        try {
            return new RangeBound(text, new BigDecimal(trimmed), null, null);
        } catch (NumberFormatException notANumber) {
            // not a number: try the temporal forms below
        }
        Matcher relative = RELATIVE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            Duration offset = relative.group(1) == null ? Duration.ZERO : DurationParser.parse(relative.group(2));
            return new RangeBound(text, null, null, "-".equals(relative.group(1)) ? offset.negated() : offset);
        }
        String iso = trimmed.replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return new RangeBound(text, null, LocalDate.parse(iso).atStartOfDay(), null);
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                LocalDateTime utc = OffsetDateTime.parse(iso)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
                return new RangeBound(text, null, utc, null);
            }
            return new RangeBound(text, null, LocalDateTime.parse(iso), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    ("'%s' is neither a number, a date (2024-01-31), a date-time "
                                    + "(2024-01-31T12:00:00) nor 'now', 'now-30d'")
                            .formatted(text),
                    e);
        }
    }

    boolean isNumber() {
        return number != null;
    }

    /** True for a bound written as a date only ({@code 2024-01-31}), bound as an SQL {@code DATE}. */
    boolean isDateOnly() {
        return dateTime != null && text.trim().length() == 10;
    }

    /**
     * Tells whether this bound lies above another of the same kind (numbers, or dates and times).
     *
     * @param other the other bound
     * @return true when this one is greater; relative bounds are compared at the same instant
     */
    boolean isAbove(final RangeBound other) {
        if (isNumber() != other.isNumber()) {
            return false;
        }
        if (isNumber()) {
            return number.compareTo(other.number) > 0;
        }
        Instant at = Instant.now();
        return ((LocalDateTime) value(at)).isAfter((LocalDateTime) other.value(at));
    }

    /**
     * Returns the value to compare with (numbers, and dates and times as UTC wall clocks).
     *
     * @param now the time of the run, for relative bounds
     * @return a BigDecimal for numbers, a LocalDateTime for dates
     */
    Object value(final Instant now) {
        if (number != null) {
            return number;
        }
        if (dateTime != null) {
            return dateTime;
        }
        return LocalDateTime.ofInstant(now.plus(offsetFromNow), ZoneOffset.UTC);
    }

    /**
     * Returns the date-time to bind for a date or time column, so that no conversion happens in the agent's time
     * zone: a column with time zone gets an instant (a bound without offset taken as UTC); a column without gets
     * the wall clock as written, or for a bound with an offset its UTC wall clock. {@code now} and its relatives
     * are the run's instant; against a column without time zone they are the wall clock of the database session
     * (the agent's zone), because that is what {@code CURRENT_TIMESTAMP} writes into such a column.
     *
     * @param now          the time of the run
     * @param withTimeZone whether the column holds instants ({@code timestamptz}, {@code TIMESTAMP WITH TIME ZONE})
     * @return an OffsetDateTime or a LocalDateTime
     */
    Object bindValue(final Instant now, final boolean withTimeZone) {
        if (dateTime == null) {
            Instant at = now.plus(offsetFromNow);
            return withTimeZone
                    ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
                    : LocalDateTime.ofInstant(at, ZoneId.systemDefault());
        }
        return withTimeZone ? dateTime.atOffset(ZoneOffset.UTC) : dateTime;
    }

    @Override
    public String toString() {
        return text;
    }
}
