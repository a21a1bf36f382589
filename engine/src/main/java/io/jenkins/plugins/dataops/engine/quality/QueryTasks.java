package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queries of a data-test run, each one a unit of work on the connection it is given: the aggregate scan of a
 * table, the own query of a check, the sample query of a breached check. Stateless, so the units can run on
 * several threads at once; a query the database rejects becomes an error of its checks, never an exception.
 */
final class QueryTasks {
    private static final int MAX_VALUE_LENGTH = 200;

    private final DatabaseTarget target;
    private final SqlCompiler compiler;
    private final int sampleSize;
    private final PiiMask mask;

    QueryTasks(final DatabaseTarget target, final DataTestOptions options) {
        this(target, options, PiiMask.forRun());
    }

    QueryTasks(final DatabaseTarget target, final DataTestOptions options, final PiiMask mask) {
        this.target = target;
        this.compiler = new SqlCompiler(target.dialect(), options.now());
        this.sampleSize = options.sampleSize();
        this.mask = mask;
    }

    /**
     * Runs the aggregate scan of a table; when the database rejects it, runs each check alone to find the
     * culprit, so one bad filter does not hide the other checks. For an incremental suite the scan also reads the
     * newest value of its column; in an incremental run it reads only the changed rows, and the checks that need
     * the whole table (row_count, freshness, sql) get a second scan of their own.
     */
    QueryOutcome scan(final Connection connection, final TablePlan plan) {
        QueryOutcome outcome = new QueryOutcome();
        scan(connection, plan, plan.changedMembers(), true, outcome);
        if (!plan.wholeTableMembers().isEmpty()) {
            scan(connection, plan, plan.wholeTableMembers(), false, outcome);
        }
        return outcome;
    }

    private void scan(
            final Connection connection,
            final TablePlan plan,
            final List<PlannedCheck> members,
            final boolean primary,
            final QueryOutcome outcome) {
        try {
            aggregate(connection, plan, members, primary, outcome);
        } catch (SQLException e) {
            if (members.size() <= 1) {
                members.forEach(m -> outcome.errors.put(m, message(e)));
                return;
            }
            for (PlannedCheck member : members) {
                try {
                    aggregate(connection, plan, List.of(member), false, outcome);
                } catch (SQLException single) {
                    outcome.errors.put(member, message(single));
                }
            }
        }
    }

    /**
     * Runs one aggregate query. Only the primary scan (the changed rows in an incremental run, the table in a
     * full one) reads the newest value of the incremental column: it must come from the rows the checks saw.
     */
    private void aggregate(
            final Connection connection,
            final TablePlan plan,
            final List<PlannedCheck> members,
            final boolean primary,
            final QueryOutcome outcome)
            throws SQLException {
        CompiledQuery query = compiler.aggregate(
                plan.table(), members, primary ? plan.increment() : Optional.empty(), primary && plan.isIncremental());
        long start = System.nanoTime();
        outcome.scanQueries++;
        try (PreparedStatement statement = prepare(connection, query);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            for (PlannedCheck c : members) {
                CompiledQuery.Slot slot = query.slots().get(c);
                long rows = rs.getLong(slot.rows());
                if (c.check().type() == CheckType.FRESHNESS) {
                    Timestamp newest = rs.getTimestamp(slot.value());
                    outcome.observations.put(
                            c,
                            new Observation(0, rows, Optional.ofNullable(newest).map(Timestamp::toInstant)));
                } else {
                    long value = slot.value() == 0 ? 0 : rs.getLong(slot.value());
                    outcome.observations.put(c, new Observation(value, rows, Optional.empty()));
                }
            }
            if (query.newest() > 0) {
                outcome.newest.put(
                        plan,
                        plan.increment().orElseThrow().read(rs, query.newest()).orElse(""));
            }
        } finally {
            ReadOnlySession.endQuery(connection);
        }
        long share = (System.nanoTime() - start) / 1_000_000 / Math.max(1, members.size());
        members.forEach(c -> outcome.millis.merge(c, share, Long::sum));
    }

    /** Runs the own query of a check (unique, relationships, sql): its number of failing rows. */
    QueryOutcome own(final Connection connection, final TablePlan plan, final PlannedCheck c) {
        QueryOutcome outcome = new QueryOutcome();
        CompiledQuery query = compiler.own(plan.table(), c, changed(plan, c));
        long start = System.nanoTime();
        outcome.scanQueries++;
        try (PreparedStatement statement = prepare(connection, query);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            outcome.values.put(c, rs.getLong(1));
        } catch (SQLException e) {
            outcome.errors.put(c, message(e));
        } finally {
            ReadOnlySession.endQuery(connection);
        }
        outcome.time(c, start);
        return outcome;
    }

    /**
     * Fetches a few failing rows of a breached check as evidence, the personal data in them masked as soon as
     * it is read, so no writer, listener or record downstream ever holds it.
     */
    QueryOutcome sample(final Connection connection, final TablePlan plan, final PlannedCheck c) {
        QueryOutcome outcome = new QueryOutcome();
        CompiledQuery query = compiler.sample(plan.table(), c, sampleSize, changed(plan, c));
        long start = System.nanoTime();
        outcome.sampleQueries++;
        try (PreparedStatement statement = prepare(connection, query)) {
            statement.setMaxRows(sampleSize);
            try (ResultSet rs = statement.executeQuery()) {
                outcome.samples.put(c, rows(rs, plan.suite().pii()));
            }
        } catch (SQLException e) {
            outcome.sampleErrors.put(c, message(e));
        } finally {
            ReadOnlySession.endQuery(connection);
        }
        outcome.time(c, start);
        return outcome;
    }

    /** The watermark a check's query starts from: only for a check limited to the changed rows. */
    private static Optional<Increment> changed(final TablePlan plan, final PlannedCheck c) {
        return plan.checksChangedRows(c) ? plan.increment() : Optional.empty();
    }

    private List<Map<String, String>> rows(final ResultSet rs, final PiiColumns pii) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String label = meta.getColumnLabel(i);
                String value = rs.getString(i);
                // masked from the whole value, so the length is the real one, not the shortened one
                row.put(label, pii.isPii(label) ? mask.mask(value) : shortened(value));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String shortened(final String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH
                ? value
                : value.substring(0, MAX_VALUE_LENGTH) + "...";
    }

    PreparedStatement prepare(final Connection connection, final CompiledQuery query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.sql());
        try {
            for (int i = 0; i < query.binds().size(); i++) {
                Object value = query.binds().get(i);
                if (value instanceof String && target.dialect() == Dialect.POSTGRES) {
                    // untyped, so PostgreSQL takes the column's type (char, varchar, text, enum) instead of
                    // casting the column to varchar on every row
                    statement.setObject(i + 1, value, Types.OTHER);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private String message(final SQLException e) {
        return SecretScrubber.scrub(e.getMessage(), target.password())
                .replaceAll("\\s+", " ")
                .trim();
    }
}
