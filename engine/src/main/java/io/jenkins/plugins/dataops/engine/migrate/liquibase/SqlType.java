package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as far as the narrowing check needs it: its family, its rank within the family (for integers) and
 * its length or precision. Types the check does not know are of family {@code OTHER}, where only an identical type
 * counts as not narrowing.
 *
 * @param name   the normalised type name, e.g. {@code VARCHAR}
 * @param family text, integer, decimal or other
 * @param rank   the integer width rank (smallint 1, int 2, bigint 3), 0 elsewhere
 * @param size   the length or precision, -1 when unbounded or not given
 */
record SqlType(String name, Family family, int rank, int size) {
    /** What kinds of values a type holds. */
    enum Family {
        TEXT,
        INTEGER,
        DECIMAL,
        OTHER
    }

    private static final Pattern TYPE =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)[^)]*\\))?\\s*");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("CHARACTER VARYING", "VARCHAR"),
            Map.entry("VARCHAR2", "VARCHAR"),
            Map.entry("NVARCHAR", "VARCHAR"),
            Map.entry("CHARACTER", "CHAR"),
            Map.entry("NCHAR", "CHAR"),
            Map.entry("CHARACTER LARGE OBJECT", "CLOB"),
            Map.entry("INT4", "INT"),
            Map.entry("INTEGER", "INT"),
            Map.entry("INT8", "BIGINT"),
            Map.entry("INT2", "SMALLINT"),
            Map.entry("TINYINT", "SMALLINT"),
            Map.entry("NUMBER", "NUMERIC"),
            Map.entry("DECIMAL", "NUMERIC"));
    private static final List<String> UNBOUNDED_TEXT = List.of("TEXT", "CLOB", "LONGTEXT");
    private static final List<String> INTEGERS = List.of("SMALLINT", "INT", "BIGINT");

    /**
     * Parses a type as a changelog writes it ({@code VARCHAR(200)}, {@code int}, {@code TEXT}).
     *
     * @param text the type
     * @return the type, of family {@code OTHER} when it cannot be read
     */
    static SqlType parse(final String text) {
        Matcher m = TYPE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return new SqlType(String.valueOf(text).toUpperCase(Locale.ROOT), Family.OTHER, 0, -1);
        }
        return of(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2)));
    }

    /**
     * Creates a type from a name and a size, as database metadata reports them.
     *
     * @param typeName the type name, e.g. {@code character varying} or {@code int4}
     * @param size     the length or precision, -1 when unknown
     * @return the type
     */
    static SqlType of(final String typeName, final int size) {
        String upper = typeName.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String name = ALIASES.getOrDefault(upper, upper);
        if (INTEGERS.contains(name)) {
            return new SqlType(name, Family.INTEGER, INTEGERS.indexOf(name) + 1, -1);
        }
        if (UNBOUNDED_TEXT.contains(name)) {
            return new SqlType(name, Family.TEXT, 0, -1);
        }
        if ("VARCHAR".equals(name) || "CHAR".equals(name)) {
            return new SqlType(name, Family.TEXT, 0, size);
        }
        if ("NUMERIC".equals(name)) {
            return new SqlType(name, Family.DECIMAL, 0, size);
        }
        return new SqlType(name, Family.OTHER, 0, size);
    }

    /**
     * Tells whether every value of this type fits into another type.
     *
     * @param target the new type
     * @return true for a widening (or identical) type
     */
    boolean fitsInto(final SqlType target) {
        if (family != target.family) {
            return family == Family.INTEGER && target.family == Family.DECIMAL && target.size < 0;
        }
        return switch (family) {
            case INTEGER -> target.rank >= rank;
            case TEXT, DECIMAL -> target.size < 0 || (size >= 0 && target.size >= size);
            case OTHER -> name.equals(target.name) && (target.size < 0 || target.size >= size);
        };
    }

    @Override
    public String toString() {
        return size < 0 ? name : name + "(" + size + ")";
    }
}
