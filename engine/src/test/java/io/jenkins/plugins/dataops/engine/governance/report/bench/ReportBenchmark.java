package io.jenkins.plugins.dataops.engine.governance.report.bench;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.CsvExporter;
import io.jenkins.plugins.dataops.engine.governance.report.JsonExporter;
import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders the HTML report and exports CSV and JSON for synthetic ledgers of the given sizes, writing real files,
 * and prints the time (cold first run, best of the warm runs: wall clock and CPU time of the thread, which a busy
 * machine does not inflate) and peak heap of each. Peak heap is read from the
 * heap memory pools ({@link MemoryPoolMXBean#getPeakUsage()}, reset after a GC before each run); run it with a
 * small {@code -Xmx} to show memory stays flat. Usage: {@code ReportBenchmark [sizes...]}, default 10000 100000.
 * See docs/benchmarks.md for the command.
 */
public final class ReportBenchmark {
    private static final int WARM_RUNS = 3;
    private static final double MB = 1024.0 * 1024.0;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReportBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args record counts, e.g. {@code 10000 100000}
     * @throws IOException when the output files cannot be written
     */
    public static void main(final String[] args) throws IOException {
        List<Integer> sizes = args.length == 0
                ? List.of(10_000, 100_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        Path directory = Files.createTempDirectory("dataops-report-bench");
        System.out.printf(
                Locale.ROOT,
                "java %s, max heap %.0f MB, %d cores%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / MB,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "load average %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "%-8s %8s %10s %10s %10s %10s %12s%n",
                "task",
                "records",
                "cold ms",
                "warm ms",
                "warm cpu",
                "file MB",
                "peak heap MB");
        for (int size : sizes) {
            SyntheticLedger ledger = new SyntheticLedger(size);
            ReportOptions options = ReportOptions.titled("Benchmark")
                    .withVerification(new LedgerVerification(true, size, 0, ""))
                    .withPromotionPath("customer", SyntheticLedger.PROMOTION);
            run("source", size, directory.resolve("source.txt"), out -> ledger.forEach(record -> {}));
            run(
                    "html",
                    size,
                    directory.resolve("report.html"),
                    out -> new ReportRenderer().writePage(ledger, options, out));
            run(
                    "csv",
                    size,
                    directory.resolve("report.csv"),
                    out -> new CsvExporter().export(ledger, RecordFilter.all(), out));
            run(
                    "json",
                    size,
                    directory.resolve("report.json"),
                    out -> new JsonExporter().export(ledger, RecordFilter.all(), out));
        }
        System.out.println("output in " + directory);
    }

    private static void run(final String task, final int size, final Path file, final Task work) throws IOException {
        long cold = 0;
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        double peak = 0;
        for (int i = 0; i <= WARM_RUNS; i++) {
            resetPeaks();
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                work.write(out);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
            peak = Math.max(peak, peakHeap());
            if (i == 0) {
                cold = millis;
            } else {
                best = Math.min(best, millis);
                bestCpu = Math.min(bestCpu, cpuMillis);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-8s %8d %10d %10d %10d %10.1f %12.1f%n",
                task,
                size,
                cold,
                best,
                bestCpu,
                Files.size(file) / MB,
                peak);
    }

    @SuppressWarnings("PMD.DoNotCallGarbageCollectionExplicitly") // a clean baseline before each measured run
    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / MB;
    }

    /** One measured piece of work. */
    @FunctionalInterface
    private interface Task {
        void write(Writer out) throws IOException;
    }
}
