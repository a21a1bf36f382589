package io.jenkins.plugins.dataops.engine.governance.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders evidence (nested JSON values) generically: a map becomes a definition list, a list of maps a table with
 * one column per key, a list of plain values a list. Keys known from the engine read better: {@code changesets},
 * {@code checks}, {@code gates} get titles, status-like values get a coloured badge and checksums a code font.
 */
final class EvidenceHtml {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_COLUMNS = 12;
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("changesets", "Changesets"),
            Map.entry("plan", "Plan"),
            Map.entry("checks", "Check results"),
            Map.entry("gates", "Gates evaluated"),
            Map.entry("approval", "Approval"),
            Map.entry("samples", "Samples"),
            Map.entry("checksum", "Checksum"),
            Map.entry("error", "Error"));
    private static final Set<String> STATUS_KEYS = Set.of("status", "outcome", "result", "passed", "verdict");
    private static final Set<String> CODE_KEYS = Set.of("checksum", "hash", "sha256", "fingerprint", "sql", "id");

    private final HtmlWriter html;

    EvidenceHtml(final HtmlWriter html) {
        this.html = html;
    }

    void write(final Map<String, Object> evidence) {
        if (evidence.isEmpty()) {
            html.raw("<p class=\"dor-muted\">No evidence recorded.</p>");
        } else {
            writeMap(evidence, 0);
        }
    }

    private void writeMap(final Map<?, ?> map, final int depth) {
        html.raw("<dl class=\"dor-ev\">");
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            html.element("dt", "", TITLES.getOrDefault(key, key)).raw("<dd>");
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
            writeList(list, depth);
        } else {
            writeScalar(key, value);
        }
    }

    private void writeList(final List<?> list, final int depth) {
        if (list.isEmpty()) {
            html.element("span", "dor-muted", "none");
        } else if (allMaps(list)) {
            writeTable(list, depth);
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

    private void writeTable(final List<?> rows, final int depth) {
        Set<String> columns = new LinkedHashSet<>();
        for (Object row : rows) {
            for (Object key : ((Map<?, ?>) row).keySet()) {
                if (columns.size() < MAX_COLUMNS) {
                    columns.add(String.valueOf(key));
                }
            }
        }
        html.raw("<table class=\"dor-ev-table\"><thead><tr>");
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

    private void writeScalar(final String key, final Object value) {
        String text = value == null ? "null" : String.valueOf(value);
        if (STATUS_KEYS.contains(key)) {
            String status = value instanceof Boolean passed ? (passed ? "passed" : "failed") : text;
            html.element("span", "dor-badge " + Outcome.of(status).cssClass(), text);
        } else if (CODE_KEYS.contains(key)) {
            html.element("code", "", text);
        } else if (value instanceof String) {
            html.text(text);
        } else {
            html.element("span", "dor-json-literal", text);
        }
    }
}
