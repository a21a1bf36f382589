package io.jenkins.plugins.dataops.engine.governance.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One request for a page of governance records, as the report's script sends it to a server:
 * {@code offset}, {@code limit}, {@code env}, {@code action}, {@code outcome}, {@code actor}, {@code from},
 * {@code to} and {@code q}, the same names as the report's filter form ({@link FilterForm}) so the form's values
 * travel unchanged. Environment, action and outcome match exactly; actor and {@code q} match a part of the text,
 * ignoring case ({@code q} over job, product, environment, action, release, outcome, actor and build: the evidence
 * stays in the builds); {@code from} and {@code to} take a date ({@code to} includes that whole day) or an ISO-8601
 * time. The offset counts from the newest matching record. Immutable.
 *
 * @param offset      how many of the newest matching records to skip
 * @param limit       the most records to return, 1 to {@link #MAX_LIMIT}
 * @param environment the environment, empty for any
 * @param action      the action, empty for any
 * @param outcome     the outcome, empty for any
 * @param actor       a part of the actor, lower case, empty for any
 * @param fromMillis  the earliest time
 * @param toMillis    the first time no longer shown
 * @param text        a part of any indexed field, lower case, empty for any
 */
@SuppressWarnings("checkstyle:ParameterNumber") // one component per query parameter
public record RecordQuery(
        long offset,
        int limit,
        String environment,
        String action,
        String outcome,
        String actor,
        long fromMillis,
        long toMillis,
        String text) {
    /** The page size when the request names none (the report's page). */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest page a request may ask for, so one request cannot make the server load every build. */
    public static final int MAX_LIMIT = 500;

    private static final Set<String> PARAMETERS =
            Set.of("offset", "limit", "env", "action", "outcome", "actor", "from", "to", "q");
    private static final long DAY = Duration.ofDays(1).toMillis();

    /**
     * Returns the query for the newest page of every record.
     *
     * @return the query
     */
    public static RecordQuery newest() {
        return new RecordQuery(0, DEFAULT_LIMIT, "", "", "", "", Long.MIN_VALUE, Long.MAX_VALUE, "");
    }

    /**
     * Reads a query from request parameters (a missing or blank parameter means "any").
     *
     * @param parameters parameter name to its value
     * @return the query
     * @throws IllegalArgumentException with one sentence naming the parameter and what to do, for an unknown
     *                                  parameter, a number out of range or a time that is not one
     */
    public static RecordQuery parse(final Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("Unknown parameter '%s'; use only %s."
                        .formatted(name, String.join(", ", List.copyOf(new java.util.TreeSet<>(PARAMETERS)))));
            }
        }
        Function<String, String> value =
                name -> parameters.getOrDefault(name, "").trim();
        long offset = number("offset", value.apply("offset"), 0, 0, Long.MAX_VALUE);
        int limit = (int) number("limit", value.apply("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        String from = value.apply("from");
        String to = value.apply("to");
        return new RecordQuery(
                offset,
                limit,
                value.apply("env"),
                value.apply("action"),
                value.apply("outcome"),
                value.apply("actor").toLowerCase(Locale.ROOT),
                from.isEmpty() ? Long.MIN_VALUE : time("from", from, 0),
                to.isEmpty() ? Long.MAX_VALUE : time("to", to, DAY),
                value.apply("q").toLowerCase(Locale.ROOT));
    }

    private static long number(
            final String name, final String text, final long absent, final long min, final long max) {
        if (text.isEmpty()) {
            return absent;
        }
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw new IllegalArgumentException(
                "Parameter '%s' is '%s'; give a whole number from %d to %d.".formatted(name, shorten(text), min, max));
    }

    /** A date stands for its day: {@code from} its start, {@code to} the start of the next day (inclusive day). */
    private static long time(final String name, final String text, final long dayEnd) {
        try {
            long millis = RecordFilter.parseTime(text).toEpochMilli();
            return text.length() == 10 ? millis + dayEnd : millis;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Parameter '%s' is '%s'; give a date like '2024-05-01' or a time like '2024-05-01T10:00:00Z'."
                            .formatted(name, shorten(text)),
                    e);
        }
    }

    private static String shorten(final String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /**
     * Tells whether a row matches every criterion (not the offset and limit).
     *
     * @param row the row
     * @return true when it matches
     */
    public boolean matches(final IndexRow row) {
        return row.timeMillis() >= fromMillis
                && row.timeMillis() < toMillis
                && (environment.isEmpty() || environment.equals(row.environment()))
                && (action.isEmpty() || action.equals(row.action()))
                && (outcome.isEmpty() || outcome.equals(row.outcome()))
                && (actor.isEmpty() || lower(row.actor()).contains(actor))
                && (text.isEmpty() || containsText(row));
    }

    private boolean containsText(final IndexRow row) {
        for (String field : List.of(
                row.job(),
                row.product(),
                row.environment(),
                row.action(),
                row.release(),
                row.outcome(),
                row.actor(),
                row.buildRef(),
                Long.toString(row.sequence()))) {
            if (lower(field).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(final String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
