package io.jenkins.plugins.dataops.engine.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query with its bind values and, for the aggregate query of a table, where each check finds its numbers
 * in the one result row.
 *
 * @param sql   the SQL text; identifiers are resolved and quoted, values are {@code ?} parameters
 * @param binds the values of the parameters, in order
 * @param slots for an aggregate query: per check, its result columns
 * @param newest for an aggregate query of an incremental suite: the result column of the incremental column's
 *               newest value; 0 when it has none
 */
record CompiledQuery(String sql, List<Object> binds, Map<PlannedCheck, Slot> slots, int newest) {
    CompiledQuery {
        binds = Collections.unmodifiableList(new ArrayList<>(binds));
        slots = Collections.unmodifiableMap(new IdentityHashMap<>(slots));
    }

    CompiledQuery(final String sql, final List<Object> binds) {
        this(sql, binds, Map.of(), 0);
    }

    CompiledQuery(final String sql, final List<Object> binds, final Map<PlannedCheck, Slot> slots) {
        this(sql, binds, slots, 0);
    }

    /**
     * Where a check's numbers are in the aggregate row (1-based JDBC columns).
     *
     * @param value the failing count, row count or newest timestamp; 0 when the check has none here
     * @param rows  the number of rows the check looks at (its denominator)
     */
    record Slot(int value, int rows) {}
}
