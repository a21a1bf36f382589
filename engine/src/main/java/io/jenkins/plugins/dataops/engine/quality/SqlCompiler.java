package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns planned checks into SQL for one dialect. Identifiers come only from the live schema and are quoted by
 * the dialect; values go as bind parameters; the only text written by the suite author is the trusted
 * {@code where} filter and the query of a sql check.
 */
final class SqlCompiler {
    private final Dialect dialect;
    private final Instant now;

    SqlCompiler(final Dialect dialect, final Instant now) {
        this.dialect = dialect;
        this.now = now;
    }

    /** Compiles the one aggregate query of a table without an incremental column (see the overload). */
    CompiledQuery aggregate(final TableInfo table, final List<PlannedCheck> members) {
        return aggregate(table, members, Optional.empty(), false);
    }

    /**
     * Compiles an aggregate query of a table: its row count, then per folded check its value and, when it has a
     * filter, the number of rows the filter keeps; for an incremental suite also the newest value of its column,
     * over the changed rows only or over the whole table. The newest value comes from the same query (one snapshot)
     * as the counts, so a row that arrives during the run is either counted or newer than the next watermark.
     *
     * @param table       the table
     * @param members     the checks to fold in (aggregate checks, and other row-counting checks with a filter)
     * @param increment   the incremental column and watermark; empty for a suite without one
     * @param changedOnly true to read only the rows after the watermark
     * @return the query with its slots and the column of the newest value (0 when none)
     */
    CompiledQuery aggregate(
            final TableInfo table,
            final List<PlannedCheck> members,
            final Optional<Increment> increment,
            final boolean changedOnly) {
        List<String> select = new ArrayList<>(List.of(countAll()));
        List<Object> binds = new ArrayList<>();
        Map<PlannedCheck, CompiledQuery.Slot> slots = new IdentityHashMap<>();
        for (PlannedCheck c : members) {
            int value = 0;
            if (c.mode() == PlannedCheck.Mode.AGGREGATE) {
                select.add(valueExpression(c, binds));
                value = select.size();
            }
            int rows = 1;
            // checkedRows: the table's rows matching the check's filter; a sql check's filter is on its result
            if (c.hasWhere() && c.check().type() != CheckType.SQL) {
                select.add(countWhere(c.check().where()));
                rows = select.size();
            }
            slots.put(c, new CompiledQuery.Slot(value, rows));
        }
        int newest = 0;
        if (increment.isPresent()) {
            select.add("MAX(" + quote(increment.get().column().name()) + ")");
            newest = select.size();
        }
        String where = "";
        if (changedOnly) {
            where = whereClause(changed("", increment.orElseThrow(), binds));
        }
        return new CompiledQuery(
                "SELECT " + String.join(", ", select) + " FROM " + table(table) + where, binds, slots, newest);
    }

    /** Returns {@code alias.column > ?}, the predicate of a changed row, adding the watermark's bind value. */
    private String changed(final String alias, final Increment increment, final List<Object> binds) {
        binds.add(increment.bindValue());
        return alias + quote(increment.column().name()) + " > ?";
    }

    private String valueExpression(final PlannedCheck c, final List<Object> binds) {
        String where = c.check().where();
        switch (c.check().type()) {
            case ROW_COUNT:
                return where.isEmpty() ? countAll() : countWhere(where);
            case FRESHNESS:
                return max(quote(c.column().name()), where);
            default:
                return countWhere(and(where, failing(c, binds)));
        }
    }

    /**
     * Returns the predicate that is true for a failing row of a row-level check, adding its bind values.
     *
     * @param c     a not_null, accepted_values, range or pattern check
     * @param binds where to add bind values
     * @return the predicate
     */
    String failing(final PlannedCheck c, final List<Object> binds) {
        String column = quote(c.column().name());
        Check check = c.check();
        switch (check.type()) {
            case NOT_NULL:
                return column + " IS NULL";
            case ACCEPTED_VALUES:
                check.values().forEach(v -> binds.add(BindValues.of(c.column(), v, now)));
                return column + " IS NOT NULL AND " + column + " NOT IN ("
                        + check.values().stream().map(v -> "?").collect(Collectors.joining(", ")) + ")";
            case RANGE:
                List<String> outside = new ArrayList<>();
                if (!check.min().isEmpty()) {
                    outside.add(column + " < ?");
                    binds.add(BindValues.of(c.column(), check.min(), now));
                }
                if (!check.max().isEmpty()) {
                    outside.add(column + " > ?");
                    binds.add(BindValues.of(c.column(), check.max(), now));
                }
                return column + " IS NOT NULL AND (" + String.join(" OR ", outside) + ")";
            case PATTERN:
                binds.add(check.regex());
                return column + " IS NOT NULL AND NOT (" + dialect.regexMatch(column, "?") + ")";
            default:
                throw new IllegalArgumentException("Check " + check + " has no row predicate");
        }
    }

    /** Compiles the query of a check that cannot be folded, over every row (see the overload). */
    CompiledQuery own(final TableInfo table, final PlannedCheck c) {
        return own(table, c, Optional.empty());
    }

    /**
     * Compiles the query of a check that cannot be folded, limited to the changed rows when given a watermark:
     * {@code unique} then counts the duplicates of the changed rows' keys in the whole table, and
     * {@code relationships} looks up the changed rows' keys.
     *
     * @param table   the checked table
     * @param c       a unique (duplicate count), relationships or sql check
     * @param changed the watermark of an incremental run; empty to check every row
     * @return the query
     */
    CompiledQuery own(final TableInfo table, final PlannedCheck c, final Optional<Increment> changed) {
        Check check = c.check();
        List<Object> binds = new ArrayList<>();
        switch (check.type()) {
            case UNIQUE:
                String filter = duplicateFilter(table, c, changed, binds);
                return new CompiledQuery(
                        "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT " + countAll() + " AS n FROM "
                                + table(table) + whereClause(filter)
                                + " GROUP BY "
                                + columnList(c.columns()) + " HAVING " + countAll() + " > 1) d",
                        binds);
            case RELATIONSHIPS:
                return new CompiledQuery("SELECT " + countAll() + orphans(table, c, changed, binds), binds);
            case SQL:
                return new CompiledQuery(
                        "SELECT " + countAll() + " FROM (" + check.query() + ") q" + whereClause(check.where()),
                        List.of());
            default:
                throw new IllegalArgumentException("Check " + check + " is folded into the table scan");
        }
    }

    /**
     * The rows a duplicate count looks at: those passing the filter with every key column set, and in an
     * incremental run only those whose key is also the key of a changed row (which may itself be an old row).
     */
    private String duplicateFilter(
            final TableInfo table, final PlannedCheck c, final Optional<Increment> changed, final List<Object> binds) {
        String rows = and(c.check().where(), notNull(c.columns()));
        if (changed.isEmpty()) {
            return rows;
        }
        String sameKey = c.columns().stream()
                .map(k -> "ch." + quote(k.name()) + " = " + table(table) + "." + quote(k.name()))
                .collect(Collectors.joining(" AND "));
        return "(" + rows + ") AND EXISTS (SELECT 1 FROM " + table(table) + " ch WHERE "
                + changed("ch.", changed.get(), binds) + " AND " + sameKey + ")";
    }

    private String orphans(
            final TableInfo table, final PlannedCheck c, final Optional<Increment> changed, final List<Object> binds) {
        PlannedCheck.Reference ref = c.reference().orElseThrow();
        String column = "t." + quote(c.column().name());
        String where =
                changed.isEmpty() ? c.check().where() : and(c.check().where(), changed("t.", changed.get(), binds));
        return " FROM " + table(table) + " t"
                + whereClause(and(
                        where,
                        column + " IS NOT NULL"
                                + " AND NOT EXISTS (SELECT 1 FROM "
                                + table(ref.table()) + " r WHERE r."
                                + quote(ref.column().name()) + " = " + column + ")"));
    }

    /**
     * Compiles the query that fetches a few failing rows of a breached check as evidence, from the changed rows
     * only when given a watermark.
     *
     * @param table   the checked table
     * @param c       the check
     * @param limit   the most rows to fetch
     * @param changed the watermark of an incremental run; empty to sample every row
     * @return the query
     * @throws IllegalArgumentException for checks without sample rows (row_count, freshness, schema)
     */
    CompiledQuery sample(
            final TableInfo table, final PlannedCheck c, final int limit, final Optional<Increment> changed) {
        Check check = c.check();
        List<Object> binds = new ArrayList<>();
        switch (check.type()) {
            case UNIQUE:
                String columns = columnList(c.columns());
                return new CompiledQuery(
                        top(
                                limit,
                                columns + ", " + countAll() + " AS duplicates FROM "
                                        + table(table) + whereClause(duplicateFilter(table, c, changed, binds))
                                        + " GROUP BY "
                                        + columns + " HAVING " + countAll() + " > 1 ORDER BY " + countAll() + " DESC, "
                                        + columns),
                        binds);
            case RELATIONSHIPS:
                return new CompiledQuery(top(limit, "t.*" + orphans(table, c, changed, binds)), binds);
            case SQL:
                return new CompiledQuery(
                        top(limit, "* FROM (" + check.query() + ") q" + whereClause(check.where())), List.of());
            case NOT_NULL:
            case ACCEPTED_VALUES:
            case RANGE:
            case PATTERN:
                String rows = changed.isEmpty() ? check.where() : and(check.where(), changed("", changed.get(), binds));
                String predicate = and(rows, failing(c, binds));
                return new CompiledQuery(top(limit, "* FROM " + table(table) + whereClause(predicate)), binds);
            default:
                throw new IllegalArgumentException("Check " + check + " has no sample rows");
        }
    }

    static boolean hasSample(final CheckType type) {
        return type != CheckType.ROW_COUNT && type != CheckType.FRESHNESS && type != CheckType.SCHEMA;
    }

    private String top(final int limit, final String rest) {
        if (dialect == Dialect.SQLSERVER) {
            return "SELECT TOP (" + limit + ") " + rest;
        }
        return "SELECT " + rest + " FETCH FIRST " + limit + " ROWS ONLY";
    }

    private String countAll() {
        return dialect == Dialect.SQLSERVER ? "COUNT_BIG(*)" : "COUNT(*)";
    }

    private String countWhere(final String predicate) {
        if (dialect == Dialect.SQLSERVER) {
            return "COUNT_BIG(CASE WHEN " + predicate + " THEN 1 END)";
        }
        return "COUNT(*) FILTER (WHERE " + predicate + ")";
    }

    private String max(final String argument, final String where) {
        if (where.isEmpty()) {
            return "MAX(" + argument + ")";
        }
        if (dialect == Dialect.SQLSERVER) {
            return "MAX(CASE WHEN " + where + " THEN " + argument + " END)";
        }
        return "MAX(" + argument + ") FILTER (WHERE " + where + ")";
    }

    private String notNull(final List<ColumnInfo> columns) {
        return columns.stream().map(c -> quote(c.name()) + " IS NOT NULL").collect(Collectors.joining(" AND "));
    }

    private String columnList(final List<ColumnInfo> columns) {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    private static String and(final String where, final String predicate) {
        return where.isEmpty() ? predicate : "(" + where + ") AND (" + predicate + ")";
    }

    private static String whereClause(final String predicate) {
        return predicate.isEmpty() ? "" : " WHERE " + predicate;
    }

    private String table(final TableInfo table) {
        return table.schema().isEmpty() ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
    }

    private String quote(final String identifier) {
        return dialect.quote(identifier);
    }
}
