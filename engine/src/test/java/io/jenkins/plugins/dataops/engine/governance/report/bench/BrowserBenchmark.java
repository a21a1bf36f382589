package io.jenkins.plugins.dataops.engine.governance.report.bench;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.Browser;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What the auditor waits for, in headless Chromium: the standalone report of N synthetic records is written to a
 * file and opened; printed per size: the page size, the time to the load event, the time until the first rows
 * are in the table (the script fills it before the load event), the latency of a free-text filter that finds one
 * record (the filter runs synchronously in the input handler, so it is timed inside the page) and the JS heap
 * after it. Not a test: run it by hand (see docs/benchmarks.md).
 */
final class BrowserBenchmark {
    private static final String FIRST_ROWS = "var t = performance.getEntriesByType('navigation')[0];"
            + "return {load: t.loadEventEnd, rows: document.querySelectorAll('tbody.dor-rec').length};";
    private static final String FILTER = "var q = document.querySelector('input[name=q]');"
            + "var start = performance.now(); q.value = arguments[0];"
            + "q.dispatchEvent(new Event('input', {bubbles: true}));"
            + "var ms = performance.now() - start;"
            + "return {ms: ms, rows: document.querySelectorAll('tbody.dor-rec').length,"
            + " heap: performance.memory ? performance.memory.usedJSHeapSize : -1};";

    private BrowserBenchmark() {}

    public static void main(final String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "browser-bench"));
        try (Browser browser = Browser.start(directory)) {
            System.out.println(
                    "| records | page MB | load ms | first rows | first filter ms | next filter ms | JS heap MB |");
            for (String arg : args.length == 0 ? new String[] {"26", "10000", "100000"} : args) {
                int size = Integer.parseInt(arg);
                Path file = directory.resolve("report-" + size + ".html");
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new ReportRenderer()
                            .writePage(
                                    new SyntheticLedger(size),
                                    ReportOptions.titled("bench")
                                            .withVerification(new LedgerVerification(true, size, 0, "")),
                                    out);
                }
                browser.open(file.toAbsolutePath().toUri().toString());
                Map<?, ?> load = (Map<?, ?>) browser.script(FIRST_ROWS);
                String known = "cs-" + (size * 7 / 9 + 1) + "-1";
                Map<?, ?> first = (Map<?, ?>) browser.script(FILTER, known);
                browser.script(FILTER, "");
                Map<?, ?> next = (Map<?, ?>) browser.script(FILTER, "cab-" + (size / 3 * 2 + 2));
                System.out.printf(
                        Locale.ROOT,
                        "| %,d | %.1f | %.0f | %s | %.0f (%s row) | %.0f | %.1f |%n",
                        size,
                        Files.size(file) / 1e6,
                        ((Number) load.get("load")).doubleValue(),
                        load.get("rows"),
                        ((Number) first.get("ms")).doubleValue(),
                        first.get("rows"),
                        ((Number) next.get("ms")).doubleValue(),
                        ((Number) next.get("heap")).doubleValue() / 1e6);
            }
        }
    }
}
