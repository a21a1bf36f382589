package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one check: what was observed, against which threshold, and for a breached check a few failing
 * rows as evidence. Immutable and serializable (it travels from the agent and is kept with the build). Create it
 * with {@link CheckResultBuilder}.
 */
public final class CheckResult implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String suite;
    private final String table;
    private final String name;
    private final CheckType type;
    private final Severity severity;
    private final CheckStatus status;
    private final String observed;
    private final String threshold;
    private final long failingRows;
    private final long checkedRows;
    private final List<Map<String, String>> sample;
    private final String message;
    private final long durationMillis;
    private final boolean incremental;
    private final String checkedRange;

    CheckResult(final CheckResultBuilder b) {
        this.suite = Objects.requireNonNull(b.suite, "suite");
        this.table = Objects.requireNonNull(b.table, "table");
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.severity = Objects.requireNonNull(b.severity, "severity");
        this.status = Objects.requireNonNull(b.status, "status");
        this.observed = Objects.requireNonNull(b.observed, "observed");
        this.threshold = Objects.requireNonNull(b.threshold, "threshold");
        this.failingRows = b.failingRows;
        this.checkedRows = b.checkedRows;
        List<Map<String, String>> rows = new ArrayList<>();
        // LinkedHashMap keeps the column order and allows NULL values; the wrappers keep it read-only
        b.sample.forEach(row -> rows.add(Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        this.sample = Collections.unmodifiableList(rows);
        this.message = Objects.requireNonNull(b.message, "message");
        this.durationMillis = b.durationMillis;
        this.incremental = b.incremental;
        this.checkedRange = Objects.requireNonNull(b.checkedRange, "checkedRange");
    }

    /** @return the suite name */
    public String suite() {
        return suite;
    }

    /** @return the real name of the checked table */
    public String table() {
        return table;
    }

    /** @return the check name, unique in its suite */
    public String name() {
        return name;
    }

    public CheckType type() {
        return type;
    }

    public Severity severity() {
        return severity;
    }

    public CheckStatus status() {
        return status;
    }

    /** @return what the database showed, e.g. {@code 3 failing rows of 1200}, a row count or a timestamp */
    public String observed() {
        return observed;
    }

    /** @return what was allowed, e.g. {@code <= 0 failing rows}, {@code between 1 and 1000} */
    public String threshold() {
        return threshold;
    }

    /** @return the failing rows (duplicate rows for unique, missing or mismatched columns for schema) */
    public long failingRows() {
        return failingRows;
    }

    /** @return the rows the check looked at (after its filter); 0 for schema */
    public long checkedRows() {
        return checkedRows;
    }

    /**
     * Returns up to the configured number of failing rows, column name to value as text ({@code null} for SQL
     * NULL), fetched only for breached checks.
     *
     * @return the sample, read-only
     */
    public List<Map<String, String>> sample() {
        return sample;
    }

    /** @return one readable sentence about the outcome */
    public String message() {
        return message;
    }

    /** @return the time spent on the check's share of the queries */
    public long durationMillis() {
        return durationMillis;
    }

    /** @return true when the check looked only at the rows changed since its suite's watermark */
    public boolean incremental() {
        return incremental;
    }

    /**
     * Returns which rows a check of an incremental suite looked at.
     *
     * @return e.g. {@code rows with updated_at > '2026-01-01T00:00' (up to '2026-01-02T08:00')} or
     *     {@code all rows}; empty for a suite without an incremental column
     */
    public String checkedRange() {
        return checkedRange;
    }

    @Override
    public String toString() {
        return "%s.%s [%s] %s: %s".formatted(suite, name, type.key(), status.key(), message);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof CheckResult other
                && suite.equals(other.suite)
                && table.equals(other.table)
                && name.equals(other.name)
                && type == other.type
                && severity == other.severity
                && status == other.status
                && observed.equals(other.observed)
                && threshold.equals(other.threshold)
                && failingRows == other.failingRows
                && checkedRows == other.checkedRows
                && sample.equals(other.sample)
                && message.equals(other.message)
                && durationMillis == other.durationMillis
                && incremental == other.incremental
                && checkedRange.equals(other.checkedRange);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                suite,
                table,
                name,
                type,
                severity,
                status,
                observed,
                threshold,
                failingRows,
                checkedRows,
                sample,
                message,
                durationMillis,
                incremental,
                checkedRange);
    }
}
