package io.jenkins.plugins.dataops.engine.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * A table name as written in a suite: {@code orders}, {@code sales.orders}, or with double quotes for a name
 * kept exact ({@code "Sales"."Orders"}, {@code "odd.name"}). An unquoted part matches case-insensitively when
 * there is no exact match; a quoted part matches only exactly.
 *
 * @param schema       the schema, or empty for the connection's current schema
 * @param schemaQuoted whether the schema was quoted
 * @param name         the table name
 * @param nameQuoted   whether the table name was quoted
 */
record QualifiedName(String schema, boolean schemaQuoted, String name, boolean nameQuoted) {

    /**
     * Parses a name.
     *
     * @param text the name as written
     * @return the parts; a text that is not one or two parts is taken whole as the table name
     */
    static QualifiedName parse(final String text) {
        List<String> parts = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && inQuotes && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                wasQuoted = true;
            } else if (c == '.' && !inQuotes) {
                parts.add(part.toString());
                quoted.add(wasQuoted);
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        quoted.add(wasQuoted);
        if (inQuotes || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            return new QualifiedName("", false, text, false);
        }
        if (parts.size() == 1) {
            return new QualifiedName("", false, parts.get(0), quoted.get(0));
        }
        return new QualifiedName(parts.get(0), quoted.get(0), parts.get(1), quoted.get(1));
    }
}
