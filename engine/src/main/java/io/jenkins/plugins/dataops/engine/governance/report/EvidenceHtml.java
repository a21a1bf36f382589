package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders evidence (nested JSON values) generically: a map becomes a definition list, a list of maps a table with
 * one column per key, a list of plain values a list. Keys known from the engine ({@link EvidenceKeys}, older
 * spellings read as their current key) read better: they get titles and are marked {@code dor-ev-known} with
 * their key in {@code data-key}; changesets, resources, gates, check results and sample rows are tables whose
 * first columns come in a fixed order; status-like values get a coloured badge and checksums a code font.
 */
final class EvidenceHtml {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_COLUMNS = 12;
    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry(EvidenceKeys.CHANGE_SETS, "Changesets"),
            Map.entry(EvidenceKeys.PLAN, "Plan"),
            Map.entry(EvidenceKeys.RESOURCES, "Resources"),
            Map.entry(EvidenceKeys.CHECKS, "Check results"),
            Map.entry(EvidenceKeys.GATES, "Gates evaluated"),
            Map.entry(EvidenceKeys.APPROVED_BY, "Approved by"),
            Map.entry(EvidenceKeys.SAMPLE, "Sample rows"),
            Map.entry(EvidenceKeys.VERIFICATION, "Post-deploy data tests"),
            Map.entry(EvidenceKeys.FINGERPRINT, "Release fingerprint"),
            Map.entry(EvidenceKeys.CHANGELOG_CHECKSUM, "Changelog checksum"),
            Map.entry(EvidenceKeys.CHECKSUM, "Checksum"),
            Map.entry(EvidenceKeys.REASON, "Reason"),
            Map.entry(EvidenceKeys.ERROR, "Error"));
    /** The known tables and the order of their first columns. */
    static final Map<String, List<String>> COLUMNS = Map.of(
            EvidenceKeys.CHANGE_SETS,
            List.of(EvidenceKeys.ID, EvidenceKeys.AUTHOR, EvidenceKeys.FILE, EvidenceKeys.CHECKSUM, EvidenceKeys.TAG),
            EvidenceKeys.RESOURCES,
            List.of(EvidenceKeys.TYPE, EvidenceKeys.NAME, EvidenceKeys.ACTION, EvidenceKeys.DETAIL),
            EvidenceKeys.GATES,
            List.of(EvidenceKeys.NAME, EvidenceKeys.PASSED, EvidenceKeys.DETAIL),
            EvidenceKeys.CHECKS,
            List.of(
                    EvidenceKeys.SUITE,
                    EvidenceKeys.TABLE,
                    EvidenceKeys.CHECK,
                    EvidenceKeys.STATUS,
                    EvidenceKeys.SEVERITY,
                    EvidenceKeys.OBSERVED,
                    EvidenceKeys.THRESHOLD,
                    EvidenceKeys.TYPE,
                    EvidenceKeys.SAMPLE),
            EvidenceKeys.SAMPLE,
            List.of());

    static final Set<String> STATUS_KEYS =
            Set.of(EvidenceKeys.STATUS, "outcome", "result", EvidenceKeys.PASSED, "verdict");
    static final Set<String> CODE_KEYS = Set.of(
            EvidenceKeys.CHECKSUM,
            EvidenceKeys.FINGERPRINT,
            EvidenceKeys.CHANGELOG_CHECKSUM,
            EvidenceKeys.SUITES_CHECKSUM,
            EvidenceKeys.ID,
            "hash",
            "sha256",
            "sql");

    private final HtmlWriter html;

    EvidenceHtml(final HtmlWriter html) {
        this.html = html;
    }

    void write(final Map<String, Object> evidence) {
        if (evidence.isEmpty()) {
            html.raw("<p class=\"dor-muted\">No evidence recorded.</p>");
        } else {
            writeMap(EvidenceKeys.read(evidence), 0);
        }
    }

    private void writeMap(final Map<?, ?> map, final int depth) {
        html.raw("<dl class=\"dor-ev\">");
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            html.element("dt", "", TITLES.getOrDefault(key, key));
            if (TITLES.containsKey(key) || COLUMNS.containsKey(key)) {
                html.raw("<dd class=\"dor-ev-known\"").attr("data-key", key).raw(">");
            } else {
                html.raw("<dd>");
            }
            writeValue(key, entry.getValue(), depth + 1);
            html.raw("</dd>");
        }
        html.raw("</dl>");
    }

    private void writeValue(final String key, final Object value, final int depth) {
        if (depth > MAX_DEPTH) {
            html.element("span", "dor-muted", "\u2026 (nested too deep)");
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, depth);
        } else if (value instanceof List<?> list) {
            writeList(key, list, depth);
        } else {
            writeScalar(key, value);
        }
    }

    private void writeList(final String key, final List<?> list, final int depth) {
        if (list.isEmpty()) {
            html.element("span", "dor-muted", "none");
        } else if (allMaps(list)) {
            writeTable(key, list, depth);
        } else {
            html.raw("<ul class=\"dor-ev-list\">");
            for (Object item : list) {
                html.raw("<li>");
                writeValue("", item, depth + 1);
                html.raw("</li>");
            }
            html.raw("</ul>");
        }
    }

    private static boolean allMaps(final List<?> list) {
        for (Object item : list) {
            if (!(item instanceof Map<?, ?>)) {
                return false;
            }
        }
        return true;
    }

    private void writeTable(final String key, final List<?> rows, final int depth) {
        List<String> known = COLUMNS.get(key);
        Set<String> columns = columns(known, rows);
        if (known == null) {
            html.raw("<table class=\"dor-ev-table\"><thead><tr>");
        } else {
            html.raw("<table class=\"dor-ev-table dor-ev-known\"")
                    .attr("data-key", key)
                    .raw("><thead><tr>");
        }
        for (String column : columns) {
            html.element("th", "", column);
        }
        html.raw("</tr></thead><tbody>");
        for (Object row : rows) {
            Map<?, ?> map = (Map<?, ?>) row;
            html.raw("<tr>");
            for (String column : columns) {
                html.raw("<td>");
                if (map.containsKey(column)) {
                    writeValue(column, map.get(column), depth + 1);
                }
                html.raw("</td>");
            }
            html.raw("</tr>");
        }
        html.raw("</tbody></table>");
    }

    /** The known columns that occur, in their order, then the other keys of the rows as they come. */
    private static Set<String> columns(final List<String> known, final List<?> rows) {
        Set<String> columns = new LinkedHashSet<>();
        for (String column : known == null ? List.<String>of() : known) {
            if (rows.stream().anyMatch(row -> ((Map<?, ?>) row).containsKey(column))) {
                columns.add(column);
            }
        }
        for (Object row : rows) {
            for (Object column : ((Map<?, ?>) row).keySet()) {
                if (columns.size() < MAX_COLUMNS) {
                    columns.add(String.valueOf(column));
                }
            }
        }
        return columns;
    }

    private void writeScalar(final String key, final Object value) {
        String text = value == null ? "null" : String.valueOf(value);
        if (STATUS_KEYS.contains(key)) {
            String status = value instanceof Boolean passed ? (passed ? "passed" : "failed") : text;
            html.element("span", "dor-badge " + Outcome.kindOf(status).cssClass(), text);
        } else if (CODE_KEYS.contains(key)) {
            html.element("code", "", text);
        } else if (value instanceof String) {
            html.text(text);
        } else {
            html.element("span", "dor-json-literal", text);
        }
    }
}
