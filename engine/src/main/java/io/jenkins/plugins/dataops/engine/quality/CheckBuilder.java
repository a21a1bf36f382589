package io.jenkins.plugins.dataops.engine.quality;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Check}. The suite loader validates the parameters; tests use it directly:
 *
 * <pre>{@code
 * Check check = new CheckBuilder(CheckType.RANGE).name("points").columns(List.of("loyalty_points"))
 *         .min("0").max("100000").build();
 * }</pre>
 */
public final class CheckBuilder {
    final CheckType type;
    String name = "";
    Severity severity = Severity.ERROR;
    Threshold threshold = Threshold.ZERO;
    String where = "";
    int line;
    List<String> columns = List.of();
    List<String> values = List.of();
    String min = "";
    String max = "";
    String regex = "";
    String toTable = "";
    String toColumn = "";
    Duration maxAge = Duration.ZERO;
    Map<String, String> expectedColumns = new LinkedHashMap<>();
    String query = "";

    /**
     * Starts a check of a type.
     *
     * @param type the type
     */
    public CheckBuilder(final CheckType type) {
        this.type = type;
    }

    /**
     * Sets the name.
     *
     * @param value the name
     * @return this
     */
    public CheckBuilder name(final String value) {
        name = value;
        return this;
    }

    /**
     * Sets the severity.
     *
     * @param value the severity
     * @return this
     */
    public CheckBuilder severity(final Severity value) {
        severity = value;
        return this;
    }

    /**
     * Sets the threshold.
     *
     * @param value the threshold
     * @return this
     */
    public CheckBuilder threshold(final Threshold value) {
        threshold = value;
        return this;
    }

    /**
     * Sets the trusted SQL filter.
     *
     * @param value a predicate, or empty
     * @return this
     */
    public CheckBuilder where(final String value) {
        where = value;
        return this;
    }

    /**
     * Sets the line in the suite file.
     *
     * @param value 1-based line
     * @return this
     */
    public CheckBuilder line(final int value) {
        line = value;
        return this;
    }

    /**
     * Sets the checked columns.
     *
     * @param value the columns
     * @return this
     */
    public CheckBuilder columns(final List<String> value) {
        columns = List.copyOf(value);
        return this;
    }

    /**
     * Sets the accepted values.
     *
     * @param value the values
     * @return this
     */
    public CheckBuilder values(final List<String> value) {
        values = List.copyOf(value);
        return this;
    }

    /**
     * Sets the lower bound.
     *
     * @param value the bound as written
     * @return this
     */
    public CheckBuilder min(final String value) {
        min = value;
        return this;
    }

    /**
     * Sets the upper bound.
     *
     * @param value the bound as written
     * @return this
     */
    public CheckBuilder max(final String value) {
        max = value;
        return this;
    }

    /**
     * Sets the regular expression.
     *
     * @param value the expression
     * @return this
     */
    public CheckBuilder regex(final String value) {
        regex = value;
        return this;
    }

    /**
     * Sets the referenced table and column of a relationships check.
     *
     * @param table  the table
     * @param column the column
     * @return this
     */
    public CheckBuilder references(final String table, final String column) {
        toTable = table;
        toColumn = column;
        return this;
    }

    /**
     * Sets the maximum age of a freshness check.
     *
     * @param value the age
     * @return this
     */
    public CheckBuilder maxAge(final Duration value) {
        maxAge = value;
        return this;
    }

    /**
     * Sets the expected columns of a schema check.
     *
     * @param value column name to expected type (empty for any type)
     * @return this
     */
    public CheckBuilder expectedColumns(final Map<String, String> value) {
        expectedColumns = new LinkedHashMap<>(value);
        return this;
    }

    /**
     * Sets the query of a sql check.
     *
     * @param value the query
     * @return this
     */
    public CheckBuilder query(final String value) {
        query = value;
        return this;
    }

    /**
     * Builds the check.
     *
     * @return the check
     */
    public Check build() {
        return new Check(this);
    }
}
