package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judges what the database returned for a check against its threshold. Pure: no database access. */
final class CheckEvaluator {
    private final Instant now;
    private final Dialect dialect;

    CheckEvaluator(final Instant now, final Dialect dialect) {
        this.now = now;
        this.dialect = dialect;
    }

    /**
     * Judges a check that was evaluated by a query.
     *
     * @param c   the check
     * @param obs what the queries returned
     * @return a builder with status, observed, threshold, counts and message set
     */
    CheckResultBuilder evaluate(final PlannedCheck c, final Observation obs) {
        Check check = c.check();
        CheckResultBuilder b = new CheckResultBuilder()
                .name(check.name())
                .type(check.type())
                .severity(check.severity())
                .checkedRows(obs.rows());
        switch (check.type()) {
            case ROW_COUNT -> rowCount(b, check, obs.value());
            case FRESHNESS -> freshness(b, c, obs);
            default -> failingRows(b, c, obs);
        }
        return b;
    }

    private void failingRows(final CheckResultBuilder b, final PlannedCheck c, final Observation obs) {
        Threshold threshold = c.check().threshold();
        boolean held = threshold.allows(obs.value(), obs.rows());
        b.failingRows(obs.value())
                .observed("%d failing %s of %d".formatted(obs.value(), rows(obs.value()), obs.rows()))
                .threshold(threshold.describe() + (threshold.isPercent() ? " of rows" : " failing rows"))
                .status(status(held, c.check()));
        String what = describe(c, obs.value());
        if (obs.value() == 0) {
            b.message("No failing row in %d %s.".formatted(obs.rows(), rows(obs.rows())));
        } else {
            b.message(what + (held ? ", within the threshold " : "; allowed ") + threshold.describe() + ".");
        }
    }

    private static String describe(final PlannedCheck c, final long n) {
        Check check = c.check();
        String rows = n + " " + rows(n);
        return switch (check.type()) {
            case NOT_NULL -> rows + " with NULL in '" + c.column().name() + "'";
            case UNIQUE -> rows + " duplicating another in " + names(c.columns());
            case ACCEPTED_VALUES -> rows + " with '" + c.column().name() + "' not in " + check.values();
            case RANGE ->
                rows + " with '" + c.column().name() + "' outside [" + bound(check.min()) + ", " + bound(check.max())
                        + "]";
            case PATTERN -> rows + " with '" + c.column().name() + "' not matching '" + check.regex() + "'";
            case RELATIONSHIPS ->
                rows + " with a '" + c.column().name() + "' missing from '"
                        + c.reference().orElseThrow().table().displayName() + "."
                        + c.reference().orElseThrow().column().name()
                        + "'";
            default -> rows + " returned by the query";
        };
    }

    private static void rowCount(final CheckResultBuilder b, final Check check, final long count) {
        boolean held = (check.min().isEmpty() || count >= Long.parseLong(check.min()))
                && (check.max().isEmpty() || count <= Long.parseLong(check.max()));
        String range = check.min().isEmpty()
                ? "<= " + check.max()
                : check.max().isEmpty() ? ">= " + check.min() : "between " + check.min() + " and " + check.max();
        b.observed(count + " " + rows(count))
                .threshold(range + " rows")
                .status(status(held, check))
                .message("The table has %d %s%s; expected %s."
                        .formatted(count, rows(count), check.where().isEmpty() ? "" : " matching the filter", range));
    }

    private void freshness(final CheckResultBuilder b, final PlannedCheck c, final Observation obs) {
        Check check = c.check();
        b.threshold("newest within " + format(check.maxAge()));
        if (obs.newest().isEmpty()) {
            b.observed("no rows")
                    .status(status(false, check))
                    .message("Column '%s' has no value, so the data is not fresh."
                            .formatted(c.column().name()));
            return;
        }
        Instant newest = obs.newest().get();
        Duration age = Duration.between(newest, now);
        boolean held = age.compareTo(check.maxAge()) <= 0;
        b.observed(LocalDateTime.ofInstant(newest, ZoneId.systemDefault()).toString())
                .status(status(held, check))
                .message("The newest '%s' is %s old; allowed %s."
                        .formatted(
                                c.column().name(),
                                age.isNegative() ? "in the future, " + format(age.negated()) : format(age),
                                format(check.maxAge())));
    }

    /**
     * Judges a schema check against the table's metadata.
     *
     * @param c      the check
     * @param table  the table as the database describes it
     * @param sample the most mismatches to keep as evidence
     * @return a builder with everything set
     */
    CheckResultBuilder schema(final PlannedCheck c, final TableInfo table, final int sample) {
        List<Map<String, String>> mismatches = new ArrayList<>();
        c.check().expectedColumns().forEach((name, type) -> {
            String actual = table.column(name).map(ColumnInfo::describeType).orElse("missing");
            boolean fits = table.column(name).isPresent()
                    && (type.isEmpty()
                            || TypeNames.matches(
                                    dialect, type, table.column(name).get()));
            if (!fits) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("column", name);
                row.put("expected", type.isEmpty() ? "any type" : type);
                row.put("actual", actual);
                mismatches.add(row);
            }
        });
        int expected = c.check().expectedColumns().size();
        boolean held = mismatches.isEmpty();
        return new CheckResultBuilder()
                .name(c.check().name())
                .type(CheckType.SCHEMA)
                .severity(c.check().severity())
                .status(status(held, c.check()))
                .failingRows(mismatches.size())
                .observed("%d of %d columns missing or of another type".formatted(mismatches.size(), expected))
                .threshold("all columns present with the expected types")
                .sample(held ? List.of() : mismatches.subList(0, Math.min(sample, mismatches.size())))
                .message(
                        held
                                ? "All %d columns are present with the expected types.".formatted(expected)
                                : "Columns missing or of another type: %s."
                                        .formatted(mismatches.stream()
                                                .map(m -> m.get("column") + " (" + m.get("actual") + ")")
                                                .toList()));
    }

    static CheckStatus status(final boolean held, final Check check) {
        if (held) {
            return CheckStatus.PASS;
        }
        return check.severity() == Severity.WARN ? CheckStatus.WARN : CheckStatus.FAIL;
    }

    private static String names(final List<ColumnInfo> columns) {
        return columns.stream()
                .map(c -> "'" + c.name() + "'")
                .reduce((a, x) -> a + ", " + x)
                .orElse("");
    }

    private static String bound(final String bound) {
        return bound.isEmpty() ? "-" : bound;
    }

    private static String rows(final long n) {
        return n == 1 ? "row" : "rows";
    }

    static String format(final Duration duration) {
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        long[] parts = {seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                text.append(text.length() == 0 ? "" : " ").append(parts[i]).append(units[i]);
            }
        }
        return text.length() == 0 ? "0s" : text.toString();
    }
}
