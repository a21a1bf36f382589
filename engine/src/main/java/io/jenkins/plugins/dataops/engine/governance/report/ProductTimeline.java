package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The release events of one product: every release applied ({@code migrate}), promoted or rolled back, whatever
 * the outcome. Keeps the newest {@code limit} of them and counts the rest.
 */
final class ProductTimeline {
    /** The actions that put a release into an environment. */
    static final Set<String> RELEASE_ACTIONS = Action.wireNames(Action.MIGRATE, Action.PROMOTE, Action.ROLLBACK);

    private final String product;
    private final int limit;
    private final Deque<Marker> markers = new ArrayDeque<>();
    private long releaseEvents;

    ProductTimeline(final String product, final int limit) {
        this.product = product;
        this.limit = limit;
    }

    void accept(final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        if (!RELEASE_ACTIONS.contains(event.action()) || event.environment().isEmpty()) {
            return;
        }
        releaseEvents++;
        if (markers.size() == limit) {
            markers.removeFirst();
        }
        markers.addLast(new Marker(
                record.sequence(),
                record.timeMillis(),
                event.environment(),
                event.action(),
                event.outcome(),
                event.release(),
                event.actor()));
    }

    String product() {
        return product;
    }

    List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** @return how many release events there were, including those no longer kept */
    long releaseEvents() {
        return releaseEvents;
    }

    /**
     * Returns the lanes: the promotion path first, then the other environments seen, sorted.
     *
     * @param promotionPath the product's promotion path
     * @return the environments, one lane each
     */
    List<String> lanes(final List<String> promotionPath) {
        Set<String> lanes = new LinkedHashSet<>(promotionPath);
        Set<String> others = new TreeSet<>();
        for (Marker marker : markers) {
            if (!lanes.contains(marker.environment())) {
                others.add(marker.environment());
            }
        }
        lanes.addAll(others);
        return new ArrayList<>(lanes);
    }

    /** One release event on the timeline. */
    record Marker(
            long sequence,
            long timeMillis,
            String environment,
            String action,
            String outcome,
            String release,
            String actor) {}
}
