package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches every identifier of the suites against the live schema and decides how each check runs. Any
 * identifier that is not a real table or column, or a value that does not fit its column, is reported before a
 * single query runs.
 */
final class CheckPlanner {
    private final LiveSchema schema;
    private final Dialect dialect;
    private final Instant now;
    private final String environment;
    private final Map<String, String> watermarks;
    private final List<String> problems = new ArrayList<>();

    CheckPlanner(final LiveSchema schema, final Dialect dialect, final Instant now, final String environment) {
        this(schema, dialect, now, environment, Map.of());
    }

    CheckPlanner(
            final LiveSchema schema,
            final Dialect dialect,
            final Instant now,
            final String environment,
            final Map<String, String> watermarks) {
        this.schema = schema;
        this.dialect = dialect;
        this.now = now;
        this.environment = environment;
        this.watermarks = watermarks;
    }

    /**
     * Plans all suites.
     *
     * @param suites the suites
     * @return one plan per suite, in order
     * @throws InvalidInputException listing every unknown identifier and unfit value (suite file, check, name)
     * @throws SQLException when the metadata cannot be read
     */
    List<TablePlan> plan(final List<CheckSuite> suites) throws SQLException {
        List<TablePlan> plans = new ArrayList<>();
        for (CheckSuite suite : suites) {
            Optional<TableInfo> table = schema.table(suite.table());
            List<String> candidates = schema.candidates(suite.table());
            if (table.isEmpty() && candidates.size() > 1) {
                problems.add(("Check suite '%s': table '%s' is ambiguous in environment '%s': it could be %s; write"
                                + " the exact name in double quotes, e.g. table: '\"%s\"'.")
                        .formatted(
                                suite.file(),
                                suite.table(),
                                environment,
                                candidates.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or ")),
                                candidates.get(0)));
                continue;
            }
            if (table.isEmpty()) {
                problems.add("Check suite '%s': table '%s' does not exist in environment '%s'%s; the tables are: %s."
                        .formatted(
                                suite.file(),
                                suite.table(),
                                environment,
                                Suggestions.didYouMean(suite.table(), schema.tableNames()),
                                String.join(", ", schema.tableNames())));
                continue;
            }
            List<PlannedCheck> checks = new ArrayList<>();
            for (Check check : suite.checks()) {
                plan(suite, table.get(), check).ifPresent(checks::add);
            }
            plans.add(new TablePlan(suite, table.get(), checks, increment(suite, table.get())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.size() == 1
                            ? problems.get(0)
                            : problems.size() + " problems in the check suites:\n  " + String.join("\n  ", problems));
        }
        return plans;
    }

    /**
     * Resolves the incremental column of a suite. A stored watermark that no longer fits the column (its type
     * changed, or the row was edited) is not used: the run checks every row, which is always safe.
     */
    private Optional<Increment> increment(final CheckSuite suite, final TableInfo table) {
        if (!suite.isIncremental()) {
            return Optional.empty();
        }
        String where = "Check suite '%s', key 'incremental': ".formatted(suite.file());
        Optional<ColumnInfo> column = table.column(suite.incremental());
        if (column.isEmpty()) {
            problems.add(where
                    + "column '%s' does not exist in table '%s'%s; the columns are: %s."
                            .formatted(
                                    suite.incremental(),
                                    table.displayName(),
                                    Suggestions.didYouMean(suite.incremental(), table.columnNames()),
                                    String.join(", ", table.columnNames())));
            return Optional.empty();
        }
        if (!Increment.fits(column.get())) {
            problems.add(where
                    + ("column '%s' is %s, which cannot carry a watermark; name a date, timestamp or integer/decimal"
                                    + " id column that grows with every change.")
                            .formatted(column.get().name(), column.get().describeType()));
            return Optional.empty();
        }
        Optional<String> after = Optional.ofNullable(watermarks.get(suite.name()))
                .filter(mark -> {
                    try {
                        Increment.parse(column.get(), mark);
                        return true;
                    } catch (IllegalArgumentException unfit) {
                        return false; // a full run instead; the caller sees it in the report's watermark range
                    }
                });
        return Optional.of(new Increment(column.get(), after));
    }

    private Optional<PlannedCheck> plan(final CheckSuite suite, final TableInfo table, final Check check)
            throws SQLException {
        int before = problems.size();
        List<ColumnInfo> columns = new ArrayList<>();
        for (String name : check.columns()) {
            column(suite, check, table, name).ifPresent(columns::add);
        }
        Optional<PlannedCheck.Reference> reference = Optional.empty();
        if (check.type() == CheckType.RELATIONSHIPS) {
            reference = reference(suite, check);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        PlannedCheck planned = new PlannedCheck(check, columns, reference, mode(check), "");
        validateValues(suite, planned);
        if (check.type() == CheckType.PATTERN && !dialect.supportsRegex()) {
            return Optional.of(new PlannedCheck(
                    check,
                    columns,
                    reference,
                    PlannedCheck.Mode.UNSUPPORTED,
                    "The %s database of environment '%s' has no regular expressions; use a 'sql' check with LIKE "
                                    .formatted(dialect, environment)
                            + "for this environment."));
        }
        return Optional.of(planned);
    }

    private static PlannedCheck.Mode mode(final Check check) {
        switch (check.type()) {
            case SCHEMA:
                return PlannedCheck.Mode.METADATA;
            case RELATIONSHIPS:
            case SQL:
            case UNIQUE:
                // A duplicate count needs every value of the table at once (a sort or a hash of it): folded into
                // the scan as COUNT(DISTINCT), PostgreSQL cannot run that scan with parallel workers (a DISTINCT
                // aggregate has no partial form), so every other check of the table would lose them too, and the
                // sort spills. On its own it is a GROUP BY, which can run in parallel, and the pool can run it
                // beside the scan.
                return PlannedCheck.Mode.OWN_QUERY;
            default:
                return PlannedCheck.Mode.AGGREGATE;
        }
    }

    private Optional<PlannedCheck.Reference> reference(final CheckSuite suite, final Check check) throws SQLException {
        Optional<TableInfo> to = schema.table(check.toTable());
        if (to.isEmpty()) {
            problems.add(at(suite, check)
                    + "table '%s' in 'to' does not exist in environment '%s'%s."
                            .formatted(
                                    check.toTable(),
                                    environment,
                                    Suggestions.didYouMean(check.toTable(), schema.tableNames())));
            return Optional.empty();
        }
        return column(suite, check, to.get(), check.toColumn()).map(c -> new PlannedCheck.Reference(to.get(), c));
    }

    private Optional<ColumnInfo> column(
            final CheckSuite suite, final Check check, final TableInfo table, final String name) {
        Optional<ColumnInfo> column = table.column(name);
        List<String> candidates = LiveSchema.candidates(name, table.columnNames(), n -> n);
        if (column.isEmpty() && candidates.size() > 1) {
            problems.add(at(suite, check)
                    + "column '%s' is ambiguous in table '%s': it could be %s; write the exact name."
                            .formatted(
                                    name,
                                    table.displayName(),
                                    candidates.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "))));
            return column;
        }
        if (column.isEmpty()) {
            problems.add(at(suite, check)
                    + "column '%s' does not exist in table '%s'%s; the columns are: %s."
                            .formatted(
                                    name,
                                    table.name(),
                                    Suggestions.didYouMean(name, table.columnNames()),
                                    String.join(", ", table.columnNames())));
        }
        return column;
    }

    private void validateValues(final CheckSuite suite, final PlannedCheck planned) {
        Check check = planned.check();
        try {
            switch (check.type()) {
                case ACCEPTED_VALUES -> check.values().forEach(v -> BindValues.of(planned.column(), v, now));
                case RANGE -> requireRange(planned);
                case PATTERN -> require(planned.column().isText(), planned, "a text");
                case FRESHNESS -> require(planned.column().isTemporal(), planned, "a date or timestamp");
                default -> {
                    // the other checks take no values
                }
            }
        } catch (IllegalArgumentException | InvalidInputException e) {
            problems.add(at(suite, check) + e.getMessage().replaceAll("\\.$", "") + ".");
        }
    }

    private static void requireRange(final PlannedCheck planned) {
        Check check = planned.check();
        require(planned.column().isNumeric() || planned.column().isTemporal(), planned, "a number, date or timestamp");
        for (String bound : List.of(check.min(), check.max())) {
            if (!bound.isEmpty()) {
                BindValues.of(planned.column(), bound, Instant.EPOCH);
            }
        }
    }

    private static void require(final boolean fits, final PlannedCheck planned, final String kind) {
        if (!fits) {
            throw new IllegalArgumentException("check '%s' needs %s column, but '%s' is %s"
                    .formatted(
                            planned.check().type().key(),
                            kind,
                            planned.column().name(),
                            planned.column().describeType()));
        }
    }

    private static String at(final CheckSuite suite, final Check check) {
        return "Check suite '%s', check '%s' (line %d): ".formatted(suite.file(), check.name(), check.line());
    }
}
