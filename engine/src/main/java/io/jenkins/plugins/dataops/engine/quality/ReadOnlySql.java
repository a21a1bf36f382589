package io.jenkins.plugins.dataops.engine.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses SQL in a suite that could change data or reach files, before it runs: data tests only read. The text
 * is split into tokens (string literals, quoted identifiers and dollar-quoted bodies are skipped as single
 * tokens), so a literal {@code 'delete me'} or a column {@code "copy"} is not a false positive, and any word that
 * writes (DML, DDL, {@code SELECT ... INTO}), a data-change delta table ({@code OLD/NEW/FINAL TABLE}) or a
 * function that touches files, other databases or the server ({@code CSVWRITE}, {@code FILE_WRITE},
 * {@code LINK_SCHEMA}, {@code RUNSCRIPT}, {@code pg_read_file}, {@code lo_import}, {@code COPY}, {@code dblink})
 * is refused with its name. The connection is read-only too where the driver enforces it (PostgreSQL).
 */
final class ReadOnlySql {
    private static final Set<String> WRITING = Set.of(
            "INSERT",
            "UPDATE",
            "DELETE",
            "MERGE",
            "UPSERT",
            "REPLACE",
            "CREATE",
            "DROP",
            "ALTER",
            "TRUNCATE",
            "GRANT",
            "REVOKE",
            "CALL",
            "EXECUTE",
            "EXEC",
            "DO",
            "COPY",
            "INTO",
            "SET",
            "RESET",
            "COMMIT",
            "ROLLBACK",
            "SAVEPOINT",
            "LOCK",
            "VACUUM",
            "ANALYZE",
            "CHECKPOINT",
            "SHUTDOWN",
            "BACKUP",
            "SCRIPT",
            "RUNSCRIPT",
            "LISTEN",
            "NOTIFY",
            "PREPARE",
            "DEALLOCATE",
            "REFRESH",
            "CLUSTER",
            "REINDEX",
            "COMMENT",
            "SECURITY",
            "OWNER");
    private static final Set<String> FUNCTIONS = Set.of(
            "CSVWRITE",
            "CSVREAD",
            "FILE_WRITE",
            "FILE_READ",
            "LINK_SCHEMA",
            "DISK_SPACE_USED",
            "SIGNAL",
            "PG_READ_FILE",
            "PG_READ_BINARY_FILE",
            "PG_LS_DIR",
            "PG_STAT_FILE",
            "PG_FILE_WRITE",
            "LO_IMPORT",
            "LO_EXPORT",
            "LO_UNLINK",
            "LO_CREATE",
            "LO_FROM_BYTEA",
            "LO_PUT",
            "DBLINK",
            "DBLINK_EXEC",
            "DBLINK_CONNECT",
            "PG_TERMINATE_BACKEND",
            "PG_CANCEL_BACKEND",
            "PG_RELOAD_CONF",
            "PG_ROTATE_LOGFILE",
            "SET_CONFIG",
            "NEXTVAL",
            "SETVAL",
            "PG_ADVISORY_LOCK",
            "PG_SLEEP",
            "QUERY_TO_XML",
            "OPENROWSET",
            "OPENDATASOURCE",
            "OPENQUERY",
            "XP_CMDSHELL",
            "BULK");
    private static final Set<String> DELTA = Set.of("OLD", "NEW", "FINAL");

    private ReadOnlySql() {}

    /**
     * Finds what makes the SQL unsafe to run in a data test.
     *
     * @param sql a query or expression from a suite
     * @return the refused word and why, or empty when the SQL only reads
     */
    static Optional<String> refusal(final String sql) {
        List<String> words = words(sql);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (WRITING.contains(word)) {
                return Optional.of("'" + word + "' changes data or the session");
            }
            if (FUNCTIONS.contains(word) || word.startsWith("DBLINK") || word.startsWith("LO_")) {
                return Optional.of("'" + word + "' reaches files, other databases or the server");
            }
            if (DELTA.contains(word) && i + 1 < words.size() && "TABLE".equals(words.get(i + 1))) {
                return Optional.of("'" + word + " TABLE' reads the rows of a data change");
            }
        }
        return Optional.empty();
    }

    /** The unquoted words of the text, upper-cased; literals, quoted names and comments are skipped. */
    private static List<String> words(final String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
            } else if (c == '[') {
                i = Math.max(sql.indexOf(']', i + 1), i) + 1;
                i = i == 0 ? sql.length() : i;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? sql.length() : end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length()
                        && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        return words;
    }

    /** Skips a quoted token; a doubled quote inside is an escaped quote. */
    private static int skipQuoted(final String sql, final int open, final char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** A PostgreSQL dollar-quote opener such as {@code $$} or {@code $body$}, or null. */
    private static String dollarTag(final String sql, final int at) {
        int i = at + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(at, i + 1) : null;
    }
}
