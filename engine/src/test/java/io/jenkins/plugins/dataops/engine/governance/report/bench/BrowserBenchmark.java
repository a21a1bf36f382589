package io.jenkins.plugins.dataops.engine.governance.report.bench;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.Browser;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the auditor waits for, in headless Chromium: the standalone report of N synthetic records is written to a
 * file and opened R times (a fresh navigation each time). Measured per run: the time to DOMContentLoaded and to the
 * load event (Navigation Timing), when the first record rows were in the DOM (a MutationObserver installed before
 * the page's own script) and the first contentful paint, the latency of a free-text filter that finds one record
 * (the filter runs synchronously in the input handler: timed inside the page, and until the next frame after it,
 * which includes style, layout and paint), a second filter, and the JS heap after a garbage collection (Chrome
 * DevTools protocol). Printed: every run, then median and range per size. Not a test: run it by hand (see
 * docs/benchmarks.md). Usage: {@code BrowserBenchmark [sizes...]}, rounds with {@code -Dbench.rounds=5}.
 */
final class BrowserBenchmark {
    private static final String OBSERVE_ROWS = "window.__dorRows = -1; new MutationObserver(function (m, o) {"
            + " if (document.querySelector('tbody.dor-rec')) { window.__dorRows = performance.now(); o.disconnect(); }"
            + "}).observe(document, {childList: true, subtree: true});";
    private static final String TIMINGS = "var t = performance.getEntriesByType('navigation')[0];"
            + "var p = performance.getEntriesByName('first-contentful-paint')[0];"
            + "return {dcl: t.domContentLoadedEventEnd, load: t.loadEventEnd, rows: window.__dorRows,"
            + " fcp: p ? p.startTime : -1, shown: document.querySelectorAll('tbody.dor-rec').length};";
    private static final String FILTER = "var done = arguments[arguments.length - 1];"
            + "var q = document.querySelector('input[name=q]');"
            + "var start = performance.now(); q.value = arguments[0];"
            + "q.dispatchEvent(new Event('input', {bubbles: true}));"
            + "var handler = performance.now() - start;"
            + "requestAnimationFrame(function () { setTimeout(function () {"
            + " done({handler: handler, frame: performance.now() - start,"
            + " rows: document.querySelectorAll('tbody.dor-rec').length}); }, 0); });";
    private static final String[] COLUMNS = {"dcl", "load", "rows", "fcp", "filter", "filterFrame", "filter2", "heapMB"
    };

    private BrowserBenchmark() {}

    public static void main(final String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path directory = Files.createDirectories(Path.of("target", "browser-bench"));
        System.out.printf(
                Locale.ROOT,
                "load average %.1f, %d rounds%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                rounds);
        Map<Integer, List<double[]>> results = new LinkedHashMap<>();
        try (Browser browser = Browser.start(directory)) {
            ChromeDriver driver = browser.driver();
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_ROWS));
            System.out.println("records run " + String.join(" ", COLUMNS) + " (ms, heap MB)");
            for (String arg : args.length == 0 ? new String[] {"26", "10000", "100000"} : args) {
                int size = Integer.parseInt(arg);
                Path file = write(directory, size);
                System.out.printf(Locale.ROOT, "%d records: page %.2f MB%n", size, Files.size(file) / 1e6);
                List<double[]> runs = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    double[] run = measure(browser, file, size);
                    runs.add(run);
                    System.out.printf(Locale.ROOT, "%d %d %s%n", size, round, format(run));
                }
                results.put(size, runs);
            }
        }
        System.out.println("median [min-max] per size: " + String.join(" ", COLUMNS));
        results.forEach((size, runs) -> System.out.printf(Locale.ROOT, "%d %s%n", size, summary(runs)));
    }

    private static Path write(final Path directory, final int size) throws IOException {
        Path file = directory.resolve("report-" + size + ".html");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new ReportRenderer()
                    .writePage(
                            new SyntheticLedger(size),
                            ReportOptions.titled("bench").withVerification(new LedgerVerification(true, size, 0, "")),
                            out);
        }
        return file;
    }

    private static double[] measure(final Browser browser, final Path file, final int size) {
        browser.open("about:blank");
        browser.open(file.toAbsolutePath().toUri().toString());
        Map<?, ?> t = (Map<?, ?>) browser.script(TIMINGS);
        ChromeDriver driver = browser.driver();
        Map<?, ?> first = (Map<?, ?>) driver.executeAsyncScript(FILTER, "cs-" + (size * 7 / 9 + 1) + "-1");
        driver.executeAsyncScript(FILTER, "");
        Map<?, ?> next = (Map<?, ?>) driver.executeAsyncScript(FILTER, "cab-" + (size / 3 * 2 + 2));
        driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> heap = driver.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        if (((Number) first.get("rows")).intValue() != 1) {
            throw new IllegalStateException("the filter found " + first.get("rows") + " rows instead of 1");
        }
        return new double[] {
            number(t, "dcl"),
            number(t, "load"),
            number(t, "rows"),
            number(t, "fcp"),
            number(first, "handler"),
            number(first, "frame"),
            number(next, "handler"),
            number(heap, "usedSize") / 1e6
        };
    }

    private static double number(final Map<?, ?> map, final String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static String format(final double[] run) {
        StringBuilder line = new StringBuilder();
        for (double value : run) {
            line.append(String.format(Locale.ROOT, "%.1f ", value));
        }
        return line.toString().strip();
    }

    private static String summary(final List<double[]> runs) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < COLUMNS.length; c++) {
            int column = c;
            double[] values =
                    runs.stream().mapToDouble(run -> run[column]).sorted().toArray();
            line.append(String.format(
                    Locale.ROOT, "%.1f [%.1f-%.1f] ", values[values.length / 2], values[0], values[values.length - 1]));
        }
        return line.toString().strip();
    }
}
