package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the plan of one table: the aggregate scan, the checks with their own query, the schema checks from
 * metadata, then a bounded sample query for each breached check. Counts every query it issues.
 */
final class TableRunner {
    private static final int MAX_VALUE_LENGTH = 200;

    private final Connection connection;
    private final DatabaseTarget target;
    private final SqlCompiler compiler;
    private final CheckEvaluator evaluator;
    private final DataTestOptions options;
    private final ProgressListener progress;
    private final Map<PlannedCheck, Observation> observations = new IdentityHashMap<>();
    private final Map<PlannedCheck, String> errors = new IdentityHashMap<>();
    private final Map<PlannedCheck, Long> millis = new IdentityHashMap<>();
    private int scanQueries;
    private int sampleQueries;

    TableRunner(
            final Connection connection,
            final DatabaseTarget target,
            final DataTestOptions options,
            final ProgressListener progress) {
        this.connection = connection;
        this.target = target;
        this.compiler = new SqlCompiler(target.dialect(), options.now());
        this.evaluator = new CheckEvaluator(options.now(), target.dialect());
        this.options = options;
        this.progress = progress;
    }

    int scanQueries() {
        return scanQueries;
    }

    int sampleQueries() {
        return sampleQueries;
    }

    /**
     * Runs one table's plan.
     *
     * @param plan the plan
     * @return one result per check, in suite order
     */
    List<CheckResult> run(final TablePlan plan) {
        int queries = plan.scanQueries();
        progress.info("Checking table '%s': %d %s in %d %s"
                .formatted(
                        plan.table().displayName(),
                        plan.checks().size(),
                        plan.checks().size() == 1 ? "check" : "checks",
                        queries,
                        queries == 1 ? "query" : "queries"));
        if (plan.needsScan()) {
            scan(plan);
        }
        plan.withMode(PlannedCheck.Mode.OWN_QUERY).stream()
                .filter(c -> !errors.containsKey(c))
                .forEach(c -> runOwn(plan.table(), c));
        List<CheckResult> results = new ArrayList<>();
        for (PlannedCheck c : plan.checks()) {
            CheckResult result = result(plan, c);
            report(result);
            results.add(result);
        }
        return results;
    }

    private void scan(final TablePlan plan) {
        List<PlannedCheck> members = new ArrayList<>(plan.withMode(PlannedCheck.Mode.AGGREGATE));
        members.addAll(plan.withMode(PlannedCheck.Mode.OWN_QUERY));
        try {
            aggregate(plan.table(), members);
        } catch (SQLException e) {
            if (members.size() == 1) {
                errors.put(members.get(0), message(e));
                return;
            }
            // one bad filter must not hide the other checks: run each one alone to find the culprit
            for (PlannedCheck member : members) {
                try {
                    aggregate(plan.table(), List.of(member));
                } catch (SQLException single) {
                    errors.put(member, message(single));
                }
            }
        }
    }

    private void aggregate(final TableInfo table, final List<PlannedCheck> members) throws SQLException {
        CompiledQuery query = compiler.aggregate(table, members);
        long start = System.nanoTime();
        scanQueries++;
        try (PreparedStatement statement = prepare(query);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            for (PlannedCheck c : members) {
                CompiledQuery.Slot slot = query.slots().get(c);
                long rows = rs.getLong(slot.rows());
                if (c.check().type() == CheckType.FRESHNESS) {
                    Timestamp newest = rs.getTimestamp(slot.value());
                    observations.put(
                            c,
                            new Observation(0, rows, Optional.ofNullable(newest).map(Timestamp::toInstant)));
                } else {
                    observations.put(
                            c,
                            new Observation(slot.value() == 0 ? 0 : rs.getLong(slot.value()), rows, Optional.empty()));
                }
            }
        }
        long share = (System.nanoTime() - start) / 1_000_000 / members.size();
        members.forEach(c -> millis.merge(c, share, Long::sum));
    }

    private void runOwn(final TableInfo table, final PlannedCheck c) {
        CompiledQuery query = compiler.own(table, c);
        long start = System.nanoTime();
        scanQueries++;
        try (PreparedStatement statement = prepare(query);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            observations.put(c, observations.get(c).withValue(rs.getLong(1)));
        } catch (SQLException e) {
            errors.put(c, message(e));
        }
        millis.merge(c, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }

    private CheckResult result(final TablePlan plan, final PlannedCheck c) {
        CheckResultBuilder b;
        if (c.mode() == PlannedCheck.Mode.UNSUPPORTED || errors.containsKey(c)) {
            b = new CheckResultBuilder()
                    .name(c.check().name())
                    .type(c.check().type())
                    .severity(c.check().severity())
                    .status(CheckStatus.ERROR)
                    .observed("not evaluated")
                    .threshold(c.check().threshold().describe())
                    .message(
                            c.mode() == PlannedCheck.Mode.UNSUPPORTED
                                    ? c.unsupported()
                                    : "The database rejected the query of check '%s': %s"
                                            .formatted(c.check().name(), errors.get(c)));
        } else if (c.mode() == PlannedCheck.Mode.METADATA) {
            b = evaluator.schema(c, plan.table(), options.sampleSize());
        } else {
            b = evaluator.evaluate(c, observations.get(c));
            if (b.status != CheckStatus.PASS
                    && options.sampleSize() > 0
                    && SqlCompiler.hasSample(c.check().type())) {
                sample(plan.table(), c, b);
            }
        }
        return b.suite(plan.suite().name())
                .table(plan.table().displayName())
                .durationMillis(millis.getOrDefault(c, 0L))
                .build();
    }

    private void sample(final TableInfo table, final PlannedCheck c, final CheckResultBuilder b) {
        CompiledQuery query = compiler.sample(table, c, options.sampleSize());
        long start = System.nanoTime();
        sampleQueries++;
        try (PreparedStatement statement = prepare(query)) {
            statement.setMaxRows(options.sampleSize());
            try (ResultSet rs = statement.executeQuery()) {
                b.sample(rows(rs));
            }
        } catch (SQLException e) {
            b.message(b.message + " The sample rows could not be fetched: " + message(e));
        }
        millis.merge(c, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }

    private static List<Map<String, String>> rows(final ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String value = rs.getString(i);
                row.put(
                        meta.getColumnLabel(i),
                        value == null || value.length() <= MAX_VALUE_LENGTH
                                ? value
                                : value.substring(0, MAX_VALUE_LENGTH) + "...");
            }
            rows.add(row);
        }
        return rows;
    }

    private PreparedStatement prepare(final CompiledQuery query) throws SQLException {
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

    private void report(final CheckResult r) {
        String line = "%s.%s [%s]: %s".formatted(r.table(), r.name(), r.status().key(), r.message());
        switch (r.status()) {
            case WARN -> progress.warn(line);
            case FAIL, ERROR -> progress.error(line);
            default -> progress.info(line);
        }
    }

    private String message(final SQLException e) {
        return SecretScrubber.scrub(e.getMessage(), target.password())
                .replaceAll("\\s+", " ")
                .trim();
    }
}
