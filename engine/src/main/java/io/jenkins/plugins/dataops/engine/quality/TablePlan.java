package io.jenkins.plugins.dataops.engine.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The execution plan of one suite: its resolved table and checks.
 *
 * @param suite  the suite
 * @param table  the resolved table
 * @param checks the planned checks, in suite order
 */
record TablePlan(CheckSuite suite, TableInfo table, List<PlannedCheck> checks) {
    TablePlan {
        checks = List.copyOf(checks);
    }

    List<PlannedCheck> withMode(final PlannedCheck.Mode mode) {
        return checks.stream().filter(c -> c.mode() == mode).collect(Collectors.toList());
    }

    /**
     * Returns the checks the aggregate scan computes numbers for: the folded checks' values, and for the checks
     * with their own query, the row count (of their filter) they use as denominator.
     *
     * @return the aggregate checks, then the checks with their own query, each in suite order
     */
    List<PlannedCheck> scanMembers() {
        List<PlannedCheck> members = new ArrayList<>(withMode(PlannedCheck.Mode.AGGREGATE));
        members.addAll(withMode(PlannedCheck.Mode.OWN_QUERY));
        return members;
    }

    /**
     * Tells whether the table needs its aggregate scan: for folded checks, and for the row count that the other
     * row-counting checks use as denominator.
     *
     * @return true unless all checks are schema checks or unsupported
     */
    boolean needsScan() {
        return checks.stream()
                .anyMatch(c -> c.mode() == PlannedCheck.Mode.AGGREGATE || c.mode() == PlannedCheck.Mode.OWN_QUERY);
    }

    /**
     * Returns how many scan queries the plan issues when nothing fails.
     *
     * @return one for the aggregate (if needed) plus one per check with its own query
     */
    int scanQueries() {
        return (needsScan() ? 1 : 0) + withMode(PlannedCheck.Mode.OWN_QUERY).size();
    }
}
