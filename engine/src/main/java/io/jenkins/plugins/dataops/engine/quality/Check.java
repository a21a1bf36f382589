package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One validated check of a suite. Which parameters are set depends on the {@link CheckType}; unset text
 * parameters are empty strings, never null. Create it with {@link CheckBuilder}.
 */
public final class Check implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final CheckType type;
    private final String name;
    private final Severity severity;
    private final Threshold threshold;
    private final String where;
    private final int line;
    private final List<String> columns;
    private final List<String> values;
    private final String min;
    private final String max;
    private final String regex;
    private final String toTable;
    private final String toColumn;
    private final Duration maxAge;
    private final Map<String, String> expectedColumns;
    private final String query;

    Check(final CheckBuilder b) {
        this.type = Objects.requireNonNull(b.type, "type");
        this.name = Objects.requireNonNull(b.name, "name");
        this.severity = b.severity;
        this.threshold = b.threshold;
        this.where = b.where;
        this.line = b.line;
        this.columns = List.copyOf(b.columns);
        this.values = List.copyOf(b.values);
        this.min = b.min;
        this.max = b.max;
        this.regex = b.regex;
        this.toTable = b.toTable;
        this.toColumn = b.toColumn;
        this.maxAge = b.maxAge;
        this.expectedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(b.expectedColumns));
        this.query = b.query;
    }

    public CheckType type() {
        return type;
    }

    /** @return the check's name, unique in its suite (given, or derived from type and columns) */
    public String name() {
        return name;
    }

    public Severity severity() {
        return severity;
    }

    public Threshold threshold() {
        return threshold;
    }

    /** @return the trusted SQL filter written by the suite author, or an empty string */
    public String where() {
        return where;
    }

    /** @return the 1-based line of the check in its suite file, for messages */
    public int line() {
        return line;
    }

    /** @return the checked column(s): one for column checks, one or more for unique, empty otherwise */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the single checked column.
     *
     * @return the first column
     * @throws IllegalStateException for a check without column
     */
    public String column() {
        if (columns.isEmpty()) {
            throw new IllegalStateException("Check '" + name + "' has no column");
        }
        return columns.get(0);
    }

    /** @return the accepted values of an accepted_values check */
    public List<String> values() {
        return values;
    }

    /** @return the lower bound of a range or row_count check as written, or an empty string */
    public String min() {
        return min;
    }

    /** @return the upper bound of a range or row_count check as written, or an empty string */
    public String max() {
        return max;
    }

    public String regex() {
        return regex;
    }

    /** @return the referenced table of a relationships check */
    public String toTable() {
        return toTable;
    }

    /** @return the referenced column of a relationships check */
    public String toColumn() {
        return toColumn;
    }

    /** @return the maximum age of a freshness check, zero for other checks */
    public Duration maxAge() {
        return maxAge;
    }

    /** @return the columns of a schema check, each with its expected type or an empty string for any type */
    public Map<String, String> expectedColumns() {
        return expectedColumns;
    }

    /** @return the query of a sql check */
    public String query() {
        return query;
    }

    @Override
    public String toString() {
        return type.key() + " '" + name + "'";
    }
}
