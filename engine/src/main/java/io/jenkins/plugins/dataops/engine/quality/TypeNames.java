package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a column type written in a schema check with the type the database reports, exactly and per
 * dialect: only spellings of the same type in that dialect are equal ({@code int4} and {@code INTEGER} on
 * PostgreSQL), so {@code timestamptz} is not {@code TIMESTAMP}, {@code text} is not {@code VARCHAR} and
 * {@code bit} is not {@code BOOLEAN}. A length or precision written in the suite ({@code VARCHAR(200)},
 * {@code DECIMAL(12,2)}) is compared too; without one any length matches. The table is documented in
 * docs/checks.md.
 */
final class TypeNames {
    private static final Pattern SPELLING =
            Pattern.compile("\\s*([^()]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");
    /** Standard SQL spellings, the same type in every dialect. */
    private static final Map<String, String> STANDARD = Map.of(
            "INT", "INTEGER",
            "CHARACTER VARYING", "VARCHAR",
            "CHARACTER", "CHAR",
            "NUMERIC", "DECIMAL",
            "DEC", "DECIMAL",
            "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP",
            "TIME WITHOUT TIME ZONE", "TIME",
            "DOUBLE PRECISION", "DOUBLE");

    private static final Map<Dialect, Map<String, String>> DIALECT = Map.of(
            Dialect.POSTGRES,
                    Map.ofEntries(
                            Map.entry("INT4", "INTEGER"),
                            Map.entry("INT8", "BIGINT"),
                            Map.entry("INT2", "SMALLINT"),
                            Map.entry("BPCHAR", "CHAR"),
                            Map.entry("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"),
                            Map.entry("TIMETZ", "TIME WITH TIME ZONE"),
                            Map.entry("BOOL", "BOOLEAN"),
                            Map.entry("FLOAT8", "DOUBLE"),
                            Map.entry("FLOAT", "DOUBLE"),
                            Map.entry("FLOAT4", "REAL"),
                            Map.entry("SERIAL", "INTEGER"),
                            Map.entry("BIGSERIAL", "BIGINT")),
            Dialect.H2,
                    Map.of(
                            "CHARACTER LARGE OBJECT", "CLOB",
                            "FLOAT", "DOUBLE",
                            "FLOAT8", "DOUBLE",
                            "FLOAT4", "REAL",
                            "INT8", "BIGINT",
                            "INT4", "INTEGER",
                            "BOOL", "BOOLEAN"),
            Dialect.SQLSERVER,
                    Map.of("FLOAT", "DOUBLE", "NATIONAL CHARACTER VARYING", "NVARCHAR", "NATIONAL CHARACTER", "NCHAR"));
    /** Types whose number in parentheses is a length, compared with the column size. */
    private static final Set<String> SIZED =
            Set.of("VARCHAR", "CHAR", "NVARCHAR", "NCHAR", "VARBINARY", "BINARY", "BIT", "DECIMAL");

    private static final Set<String> TEXT = Set.of(
            "VARCHAR",
            "CHAR",
            "TEXT",
            "CLOB",
            "NVARCHAR",
            "NCHAR",
            "NTEXT",
            "CITEXT",
            "NAME",
            "VARCHAR_IGNORECASE",
            "LONGVARCHAR",
            "LONGNVARCHAR",
            "NCLOB");

    private TypeNames() {}

    /**
     * Tells whether an expected type matches a column.
     *
     * @param dialect  the database's dialect, whose spellings are equal
     * @param expected the type written in the suite, e.g. {@code VARCHAR(200)} or {@code int}
     * @param column   the column
     * @return true when the canonical names agree and so do the length and precision given
     */
    static boolean matches(final Dialect dialect, final String expected, final ColumnInfo column) {
        Optional<Spelling> want = parse(dialect, expected);
        if (want.isEmpty()) {
            return false;
        }
        Optional<Spelling> actual = parse(dialect, column.typeName());
        if (actual.isEmpty() || !want.get().name().equals(actual.get().name())) {
            return false;
        }
        return sizeFits(want.get(), column);
    }

    private static boolean sizeFits(final Spelling want, final ColumnInfo column) {
        if (want.size() < 0) {
            return true;
        }
        if (SIZED.contains(want.name())) {
            return want.size() == column.size() && (want.digits() < 0 || want.digits() == column.digits());
        }
        // a fractional-seconds precision such as TIMESTAMP(3)
        return want.size() == column.digits();
    }

    /**
     * Tells whether a type name is a text type (not an enum, which JDBC reports as text too).
     *
     * @param typeName the database's own type name
     * @return true for the text types of any dialect
     */
    static boolean isText(final String typeName) {
        return DIALECT.keySet().stream()
                .anyMatch(d ->
                        parse(d, typeName).map(s -> TEXT.contains(s.name())).orElse(false));
    }

    static Optional<Spelling> parse(final Dialect dialect, final String type) {
        Matcher m = SPELLING.matcher(type);
        if (!m.matches()) {
            return Optional.empty();
        }
        String bare = m.group(1)
                .replaceAll("\\s+", " ")
                .replaceAll("(?i) IDENTITY$", "")
                .toUpperCase(Locale.ROOT);
        Map<String, String> aliases = new HashMap<>(STANDARD);
        aliases.putAll(DIALECT.get(dialect));
        String name = aliases.getOrDefault(bare, bare);
        return Optional.of(new Spelling(
                name,
                m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3))));
    }

    /**
     * A type as written: its canonical name, and the numbers in parentheses or -1.
     *
     * @param name   the canonical name
     * @param size   the length or precision, or -1
     * @param digits the scale, or -1
     */
    record Spelling(String name, int size, int digits) {}
}
