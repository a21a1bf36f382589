package io.jenkins.plugins.dataops.engine.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The execution plan of one suite: its resolved table and checks, and for an incremental suite its column and the
 * watermark the run starts from.
 *
 * @param suite     the suite
 * @param table     the resolved table
 * @param checks    the planned checks, in suite order
 * @param increment the incremental column and watermark; empty for a suite without {@code incremental}
 */
record TablePlan(CheckSuite suite, TableInfo table, List<PlannedCheck> checks, Optional<Increment> increment) {
    TablePlan {
        checks = List.copyOf(checks);
    }

    TablePlan(final CheckSuite suite, final TableInfo table, final List<PlannedCheck> checks) {
        this(suite, table, checks, Optional.empty());
    }

    List<PlannedCheck> withMode(final PlannedCheck.Mode mode) {
        return checks.stream().filter(c -> c.mode() == mode).collect(Collectors.toList());
    }

    /** Tells whether this run checks only the rows changed since the watermark. */
    boolean isIncremental() {
        return increment.filter(Increment::isIncremental).isPresent();
    }

    /**
     * Tells whether a check looks at the changed rows only in this run: the row-level checks, {@code unique}
     * (the changed keys, counted against the whole table) and {@code relationships} (the changed rows' keys)
     * do; {@code row_count} and {@code freshness} describe the whole table, and a {@code sql} check's query may
     * read anything, so they run over the whole table.
     *
     * @param c a check of this plan
     * @return true when it is limited to the changed rows
     */
    boolean checksChangedRows(final PlannedCheck c) {
        return isIncremental() && isRowLevel(c.check().type());
    }

    static boolean isRowLevel(final CheckType type) {
        return switch (type) {
            case ROW_COUNT, FRESHNESS, SQL, SCHEMA -> false;
            default -> true;
        };
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
     * Returns the scan members the scan of the changed rows computes (all of them in a full run).
     *
     * @return the members limited to the changed rows
     */
    List<PlannedCheck> changedMembers() {
        return isIncremental()
                ? scanMembers().stream().filter(this::checksChangedRows).toList()
                : scanMembers();
    }

    /**
     * Returns the scan members that need the whole table in an incremental run (none in a full run).
     *
     * @return the members of the whole-table scan
     */
    List<PlannedCheck> wholeTableMembers() {
        return isIncremental()
                ? scanMembers().stream().filter(c -> !checksChangedRows(c)).toList()
                : List.of();
    }

    /**
     * Tells whether the table needs its aggregate scan: for folded checks, for the row count that the other
     * row-counting checks use as denominator, and for the newest value of an incremental column.
     *
     * @return true unless all checks are schema checks or unsupported and the suite is not incremental
     */
    boolean needsScan() {
        return increment.isPresent()
                || checks.stream()
                        .anyMatch(c ->
                                c.mode() == PlannedCheck.Mode.AGGREGATE || c.mode() == PlannedCheck.Mode.OWN_QUERY);
    }

    /**
     * Returns how many scan queries the plan issues when nothing fails.
     *
     * @return one for the aggregate (if needed), one for the whole table in an incremental run (if needed), plus
     *     one per check with its own query
     */
    int scanQueries() {
        return (needsScan() ? 1 : 0)
                + (wholeTableMembers().isEmpty() ? 0 : 1)
                + withMode(PlannedCheck.Mode.OWN_QUERY).size();
    }
}
