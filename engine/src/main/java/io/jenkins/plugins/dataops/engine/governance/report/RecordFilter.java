package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which records a report or an export shows, decided on the server side (the HTML page also filters on the client
 * side). Immutable; an empty set means "any". Use: {@code RecordFilter.all().withEnvironments(List.of("prod"))
 * .since(RecordFilter.parseTime("2024-05-01"))}.
 */
public final class RecordFilter implements Predicate<GovernanceRecord> {
    private static final RecordFilter ALL = new RecordFilter(new Criteria());

    private final Criteria criteria;

    private RecordFilter(final Criteria criteria) {
        this.criteria = criteria;
    }

    /**
     * Returns the filter that accepts every record.
     *
     * @return the unrestricted filter
     */
    public static RecordFilter all() {
        return ALL;
    }

    /**
     * Parses a time given on a command line: a date ({@code 2024-05-01}, start of that day in UTC) or an ISO-8601
     * instant or offset date-time ({@code 2024-05-01T10:00:00Z}, {@code 2024-05-01T12:00:00+02:00}).
     *
     * @param value the text
     * @return the instant
     * @throws IllegalArgumentException when the text is neither
     */
    public static Instant parseTime(final String value) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    ("Time '%s' is neither a date like '2024-05-01' nor an ISO-8601 time "
                                    + "like '2024-05-01T10:00:00Z'; give one of those.")
                            .formatted(value),
                    e);
        }
    }

    /**
     * Keeps records of these products only.
     *
     * @param products the products; empty for any
     * @return a new filter
     */
    public RecordFilter withProducts(final Collection<String> products) {
        return with(c -> c.products = Set.copyOf(products));
    }

    /**
     * Keeps records of these environments only.
     *
     * @param environments the environments; empty for any
     * @return a new filter
     */
    public RecordFilter withEnvironments(final Collection<String> environments) {
        return with(c -> c.environments = Set.copyOf(environments));
    }

    /**
     * Keeps records of these actions only.
     *
     * @param actions the actions, e.g. {@code promote}; empty for any
     * @return a new filter
     */
    public RecordFilter withActions(final Collection<String> actions) {
        return with(c -> c.actions = Set.copyOf(actions));
    }

    /**
     * Keeps records with these outcomes only.
     *
     * @param outcomes the outcomes, e.g. {@code failed}; empty for any
     * @return a new filter
     */
    public RecordFilter withOutcomes(final Collection<String> outcomes) {
        return with(c -> c.outcomes = Set.copyOf(outcomes));
    }

    /**
     * Keeps records of these actors only.
     *
     * @param actors the actors; empty for any
     * @return a new filter
     */
    public RecordFilter withActors(final Collection<String> actors) {
        return with(c -> c.actors = Set.copyOf(actors));
    }

    /**
     * Keeps records recorded at or after this time.
     *
     * @param from the earliest time
     * @return a new filter
     */
    public RecordFilter since(final Instant from) {
        return with(c -> c.sinceMillis = from.toEpochMilli());
    }

    /**
     * Keeps records recorded before this time.
     *
     * @param to the first time no longer shown
     * @return a new filter
     */
    public RecordFilter until(final Instant to) {
        return with(c -> c.untilMillis = to.toEpochMilli());
    }

    /**
     * Keeps records where actor, action, product, environment, release, outcome or build reference contain the
     * text, ignoring case.
     *
     * @param text the text; blank for any
     * @return a new filter
     */
    public RecordFilter containing(final String text) {
        return with(c -> c.text = text.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Tells whether the filter accepts every record.
     *
     * @return true when nothing is restricted
     */
    public boolean isUnrestricted() {
        return criteria.equals(ALL.criteria);
    }

    @Override
    public boolean test(final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        return record.timeMillis() >= criteria.sinceMillis
                && record.timeMillis() < criteria.untilMillis
                && matches(criteria.products, event.product())
                && matches(criteria.environments, event.environment())
                && matches(criteria.actions, event.action())
                && matches(criteria.outcomes, event.outcome())
                && matches(criteria.actors, event.actor())
                && containsText(event);
    }

    /**
     * Describes the restrictions for people, e.g. {@code environment prod; since 2024-05-01T00:00:00Z}.
     *
     * @return the description, {@code all records} when unrestricted
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        describe(parts, "product", criteria.products);
        describe(parts, "environment", criteria.environments);
        describe(parts, "action", criteria.actions);
        describe(parts, "outcome", criteria.outcomes);
        describe(parts, "actor", criteria.actors);
        if (criteria.sinceMillis != Long.MIN_VALUE) {
            parts.add("since " + Instant.ofEpochMilli(criteria.sinceMillis));
        }
        if (criteria.untilMillis != Long.MAX_VALUE) {
            parts.add("until " + Instant.ofEpochMilli(criteria.untilMillis));
        }
        if (!criteria.text.isEmpty()) {
            parts.add("containing '" + criteria.text + "'");
        }
        return parts.isEmpty() ? "all records" : String.join("; ", parts);
    }

    private static void describe(final List<String> parts, final String name, final Set<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(", ", new TreeSet<>(values)));
        }
    }

    private static boolean matches(final Set<String> allowed, final String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    private boolean containsText(final GovernanceEvent event) {
        if (criteria.text.isEmpty()) {
            return true;
        }
        for (String value : List.of(
                event.actor(),
                event.action(),
                event.product(),
                event.environment(),
                event.release(),
                event.outcome(),
                event.buildRef())) {
            if (value.toLowerCase(Locale.ROOT).contains(criteria.text)) {
                return true;
            }
        }
        return false;
    }

    private RecordFilter with(final java.util.function.Consumer<Criteria> change) {
        Criteria copy = criteria.copy();
        change.accept(copy);
        return new RecordFilter(copy);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof RecordFilter that && criteria.equals(that.criteria);
    }

    @Override
    public int hashCode() {
        return criteria.hashCode();
    }

    @Override
    public String toString() {
        return "RecordFilter[" + describe() + "]";
    }

    /** The mutable criteria behind the immutable filter; only changed on a fresh copy before it is published. */
    private static final class Criteria {
        private Set<String> products = Set.of();
        private Set<String> environments = Set.of();
        private Set<String> actions = Set.of();
        private Set<String> outcomes = Set.of();
        private Set<String> actors = Set.of();
        private long sinceMillis = Long.MIN_VALUE;
        private long untilMillis = Long.MAX_VALUE;
        private String text = "";

        Criteria copy() {
            Criteria copy = new Criteria();
            copy.products = products;
            copy.environments = environments;
            copy.actions = actions;
            copy.outcomes = outcomes;
            copy.actors = actors;
            copy.sinceMillis = sinceMillis;
            copy.untilMillis = untilMillis;
            copy.text = text;
            return copy;
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Criteria that
                    && sinceMillis == that.sinceMillis
                    && untilMillis == that.untilMillis
                    && products.equals(that.products)
                    && environments.equals(that.environments)
                    && actions.equals(that.actions)
                    && outcomes.equals(that.outcomes)
                    && actors.equals(that.actors)
                    && text.equals(that.text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(products, environments, actions, outcomes, actors, sinceMillis, untilMillis, text);
        }
    }
}
