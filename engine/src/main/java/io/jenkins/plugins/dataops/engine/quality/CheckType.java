package io.jenkins.plugins.dataops.engine.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of checks a suite can declare, with the keys each one accepts. */
public enum CheckType {
    /** The table (or the rows matching {@code where}) has between {@code min} and {@code max} rows. */
    ROW_COUNT("row_count", Set.of("min", "max"), false),
    /** A column has no NULL. */
    NOT_NULL("not_null", Set.of("column"), true),
    /** One column or a combination of columns has no duplicate (NULLs are not duplicates). */
    UNIQUE("unique", Set.of("column", "columns"), true),
    /** A column holds only listed values (NULL is allowed; add not_null to forbid it). */
    ACCEPTED_VALUES("accepted_values", Set.of("column", "values"), true),
    /** A number or date column lies between {@code min} and {@code max} (NULL is not out of range). */
    RANGE("range", Set.of("column", "min", "max"), true),
    /** A text column matches a regular expression (NULL is not checked). */
    PATTERN("pattern", Set.of("column", "regex"), true),
    /** Every non-NULL value of a column exists in a column of another table. */
    RELATIONSHIPS("relationships", Set.of("column", "to", "field"), true),
    /** The newest value of a timestamp column is younger than {@code maxAge}. */
    FRESHNESS("freshness", Set.of("column", "maxAge"), false),
    /** Columns exist, optionally with a type. Read from the database metadata, no query. */
    SCHEMA("schema", Set.of("columns"), false),
    /** A custom query; every row it returns is a failure. */
    SQL("sql", Set.of("query"), true);

    /** The keys every check accepts ({@code pii} only a check on a column, {@code threshold} one that counts rows). */
    static final Set<String> COMMON_KEYS = Set.of("name", "severity", "threshold", "where", "description", "pii");

    private final String key;
    private final Set<String> keys;
    private final boolean countsRows;

    CheckType(final String key, final Set<String> keys, final boolean countsRows) {
        this.key = key;
        this.keys = keys;
        this.countsRows = countsRows;
    }

    /**
     * Returns the name used in suite files and reports.
     *
     * @return e.g. {@code accepted_values}
     */
    public String key() {
        return key;
    }

    /**
     * Tells whether the check counts failing rows, so that a {@code threshold} applies to it.
     *
     * @return false for row_count, freshness and schema
     */
    public boolean countsRows() {
        return countsRows;
    }

    /**
     * Returns every key this check type accepts, its own and the common ones that apply.
     *
     * @return the keys, sorted
     */
    List<String> allowedKeys() {
        return java.util.stream.Stream.concat(keys.stream(), COMMON_KEYS.stream())
                .filter(k -> countsRows || !"threshold".equals(k))
                .filter(k -> this != SCHEMA || !"where".equals(k))
                // a check on a column may say whether that column holds personal data
                .filter(k -> keys.contains("column") || !"pii".equals(k))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Finds a type by its suite key.
     *
     * @param key e.g. {@code not_null}
     * @return the type, or empty
     */
    static Optional<CheckType> ofKey(final String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /**
     * Returns all suite keys, for error messages.
     *
     * @return e.g. {@code row_count, not_null, ...}
     */
    static List<String> keys() {
        return Arrays.stream(values()).map(CheckType::key).collect(Collectors.toList());
    }
}
