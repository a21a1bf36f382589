package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DataOps#metrics} should compute: the delivery metrics of the session's ledger, for every environment
 * or some, over all records or from a time on.
 */
public final class MetricsRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> environments;
    private final Instant since; // null: from the first record (Instant is serializable, Optional is not)

    private MetricsRequest(final List<String> environments, final Instant since) {
        this.environments = List.copyOf(Arguments.requireValue("environments", environments));
        environments.forEach(e -> Arguments.requireText("environments", e));
        this.since = since;
    }

    /**
     * Computes the metrics of every environment over every record.
     *
     * @return the request
     */
    public static MetricsRequest all() {
        return new MetricsRequest(List.of(), null);
    }

    /**
     * Shows only some environments; lead times are still measured from the first environment of the path.
     *
     * @param names the environments; empty for all
     * @return a copy
     */
    public MetricsRequest withEnvironments(final List<String> names) {
        return new MetricsRequest(names, since);
    }

    /**
     * Counts only what happened from a time on.
     *
     * @param start the window's start; null for the first record
     * @return a copy
     */
    public MetricsRequest since(final Instant start) {
        return new MetricsRequest(environments, start);
    }

    /** @return the environments shown, empty for all */
    public List<String> environments() {
        return environments;
    }

    /** @return the window's start, empty for the first record */
    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }
}
