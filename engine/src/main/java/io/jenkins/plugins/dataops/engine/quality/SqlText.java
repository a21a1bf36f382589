package io.jenkins.plugins.dataops.engine.quality;

/**
 * Reads trusted SQL text (a {@code where} filter, the query of a sql check) as tokens, so that a {@code ;},
 * {@code --} or {@code /*} inside a string literal or a quoted identifier is just text, while one outside
 * them, which would start a second statement or hide the rest of the query, is found.
 */
final class SqlText {
    private SqlText() {}

    /**
     * Tells whether the text has a statement separator or a comment marker outside literals and quoted names.
     *
     * @param sql the text as written
     * @return true when it has {@code ;}, {@code --} or {@code /*} outside quotes, or an unclosed quote
     */
    static boolean chainsStatements(final String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '[') {
                i = closing(sql, i, c == '[' ? ']' : c);
                if (i < 0) {
                    return true;
                }
            } else if (c == ';' || startsWith(sql, i, "--") || startsWith(sql, i, "/*")) {
                return true;
            }
            i++;
        }
        return false;
    }

    /** Returns the index of the quote that closes the one at {@code open} (a doubled quote is text), or -1. */
    private static int closing(final String sql, final int open, final char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean startsWith(final String sql, final int at, final String token) {
        return sql.startsWith(token, at);
    }
}
