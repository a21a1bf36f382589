package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The first pass over the records: counts, the distinct values the page's filters offer and each product's
 * timeline. Everything it keeps is bounded (by {@link #VALUE_LIMIT} values per field and the timeline limit per
 * product), so memory does not grow with the number of records.
 */
final class ReportSummary implements Consumer<GovernanceRecord> {
    /** Most distinct values a filter field offers as a choice; beyond that the page offers a text box. */
    static final int VALUE_LIMIT = 400;
    /** Most products with a timeline. */
    static final int PRODUCT_LIMIT = 200;

    private final int timelineLimit;
    private final Map<String, ProductTimeline> timelines = new TreeMap<>();
    private final BoundedValues environments = new BoundedValues();
    private final BoundedValues actions = new BoundedValues();
    private final BoundedValues outcomes = new BoundedValues();
    private long records;
    private long failures;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    ReportSummary(final int timelineLimit) {
        this.timelineLimit = timelineLimit;
    }

    @Override
    public void accept(final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        records++;
        if (Outcome.kindOf(event.outcome()) == Outcome.Kind.FAILURE) {
            failures++;
        }
        firstMillis = Math.min(firstMillis, record.timeMillis());
        lastMillis = Math.max(lastMillis, record.timeMillis());
        environments.add(event.environment());
        actions.add(event.action());
        outcomes.add(event.outcome());
        if (!event.product().isEmpty()) {
            ProductTimeline timeline = timelines.get(event.product());
            if (timeline == null && timelines.size() < PRODUCT_LIMIT) {
                timeline = new ProductTimeline(event.product(), timelineLimit);
                timelines.put(event.product(), timeline);
            }
            if (timeline != null) {
                timeline.accept(record);
            }
        }
    }

    long records() {
        return records;
    }

    long failures() {
        return failures;
    }

    long firstMillis() {
        return firstMillis;
    }

    long lastMillis() {
        return lastMillis;
    }

    Iterable<ProductTimeline> timelines() {
        return timelines.values();
    }

    BoundedValues environments() {
        return environments;
    }

    BoundedValues actions() {
        return actions;
    }

    BoundedValues outcomes() {
        return outcomes;
    }

    /** Distinct non-empty values, sorted, up to {@link #VALUE_LIMIT}; remembers when there were more. */
    static final class BoundedValues {
        private final TreeSet<String> values = new TreeSet<>();
        private boolean overflow;

        void add(final String value) {
            if (value.isEmpty() || overflow || values.contains(value)) {
                return;
            }
            if (values.size() >= VALUE_LIMIT) {
                overflow = true;
                values.clear();
            } else {
                values.add(value);
            }
        }

        /** @return true when there were too many values to offer them as choices */
        boolean isOverflow() {
            return overflow;
        }

        SortedSet<String> values() {
            return Collections.unmodifiableSortedSet(values);
        }
    }
}
