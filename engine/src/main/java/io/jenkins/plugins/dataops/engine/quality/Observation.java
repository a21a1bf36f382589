package io.jenkins.plugins.dataops.engine.quality;

import java.time.Instant;
import java.util.Optional;

/**
 * What the queries returned for one check.
 *
 * @param value  the failing rows (row-counting checks) or the row count (row_count)
 * @param rows   the rows the check looked at, after its filter
 * @param newest the newest timestamp (freshness), empty when there is none
 */
record Observation(long value, long rows, Optional<Instant> newest) {
    Observation withValue(final long failing) {
        return new Observation(failing, rows, newest);
    }
}
