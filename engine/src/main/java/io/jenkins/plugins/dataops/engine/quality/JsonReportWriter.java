package io.jenkins.plugins.dataops.engine.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;

/**
 * Writes a {@link DataTestReport} as JSON. The shape is documented in {@code docs/checks.md}: the run's
 * environment, time, query counts, suites checksum, counts per status, then one object per check result.
 */
public final class JsonReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {}

    /**
     * Renders a report.
     *
     * @param report the report
     * @return the JSON text, pretty-printed
     */
    public static String render(final DataTestReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the data test report as JSON", e);
        }
    }

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out    where to write; not closed
     * @throws UncheckedIOException when writing fails
     */
    public static void write(final DataTestReport report, final Writer out) {
        try {
            out.write(render(report));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the data test report: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the report as plain JDK values (the same keys as {@link #render}).
     *
     * @param report the report
     * @return a map of Strings, numbers, lists and maps
     */
    @SuppressWarnings("unchecked") // an object node always converts to a map with String keys
    public static LinkedHashMap<String, Object> toMap(final DataTestReport report) {
        return MAPPER.convertValue(tree(report), LinkedHashMap.class);
    }

    /**
     * Builds the JSON tree of a report.
     *
     * @param report the report
     * @return the tree
     */
    static ObjectNode tree(final DataTestReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("environment", report.environment());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMillis", report.durationMillis());
        root.put("suitesChecksum", report.suitesChecksum());
        root.put("scanQueries", report.scanQueries());
        root.put("sampleQueries", report.sampleQueries());
        root.put("status", report.worstStatus().key());
        root.put("summary", report.summary());
        ObjectNode counts = root.putObject("counts");
        counts.put("total", report.results().size());
        for (CheckStatus status : CheckStatus.values()) {
            counts.put(status.key(), report.count(status));
        }
        if (!report.watermarks().isEmpty()) {
            // per incremental suite: the watermark the run started from ('' for a full run) and the newest value seen
            root.put("incremental", report.isIncremental());
            ArrayNode watermarks = root.putArray("watermarks");
            report.watermarks().forEach(w -> watermarks.add(MAPPER.valueToTree(w.toMap())));
        }
        ArrayNode results = root.putArray("results");
        report.results().forEach(r -> result(results.addObject(), r));
        return root;
    }

    private static void result(final ObjectNode node, final CheckResult r) {
        node.put("suite", r.suite());
        node.put("table", r.table());
        node.put("check", r.name());
        node.put("type", r.type().key());
        node.put("severity", r.severity().key());
        node.put("status", r.status().key());
        node.put("observed", r.observed());
        node.put("threshold", r.threshold());
        node.put("failingRows", r.failingRows());
        node.put("checkedRows", r.checkedRows());
        node.put("incremental", r.incremental());
        if (!r.checkedRange().isEmpty()) {
            node.put("checkedRange", r.checkedRange());
        }
        node.put("message", r.message());
        node.put("durationMillis", r.durationMillis());
        ArrayNode sample = node.putArray("sample");
        r.sample().forEach(row -> {
            ObjectNode rowNode = sample.addObject();
            row.forEach(rowNode::put);
        });
    }
}
