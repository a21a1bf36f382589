package io.jenkins.plugins.dataops.engine.impact;

import io.jenkins.plugins.dataops.engine.quality.Check;
import io.jenkins.plugins.dataops.engine.quality.CheckSuite;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which tables and columns a check reads: its suite's table and its columns, the other side of a relationships
 * check, the columns of a schema check, and the identifiers in its SQL ({@code where} filters, {@code sql}
 * queries), compared without case.
 */
final class CheckReferences {
    private CheckReferences() {}

    static boolean readsTable(final CheckSuite suite, final Check check, final String table) {
        return same(suite.table(), table) || same(check.toTable(), table) || mentions(check, table);
    }

    static boolean readsColumn(final CheckSuite suite, final Check check, final String table, final String column) {
        if (same(check.toTable(), table) && same(check.toColumn(), column)) {
            return true;
        }
        if (same(suite.table(), table)) {
            return check.columns().stream().anyMatch(c -> same(c, column))
                    || check.expectedColumns().keySet().stream().anyMatch(c -> same(c, column))
                    || mentions(check, column);
        }
        return mentions(check, table) && mentions(check, column);
    }

    /**
     * Returns the type a schema check expects for a column.
     *
     * @return the type as written, an empty string for "any type", or null when the check does not list it
     */
    static String expectedType(final Check check, final String column) {
        return check.expectedColumns().entrySet().stream()
                .filter(e -> same(e.getKey(), column))
                .map(e -> e.getValue())
                .findFirst()
                .orElse(null);
    }

    private static boolean mentions(final Check check, final String identifier) {
        Pattern word = Pattern.compile(
                "(?<![\\w$])\"?" + Pattern.quote(identifier) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(check.where()).find() || word.matcher(check.query()).find();
    }

    static boolean same(final String a, final String b) {
        return a != null
                && b != null
                && !a.isEmpty()
                && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
