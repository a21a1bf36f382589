package io.jenkins.plugins.dataops.engine.governance.report.bench;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.governance.report.IndexRow;
import io.jenkins.plugins.dataops.engine.governance.report.JobVerifications;
import io.jenkins.plugins.dataops.engine.governance.report.RecordIndex;
import io.jenkins.plugins.dataops.engine.governance.report.RecordPageJson;
import io.jenkins.plugins.dataops.engine.governance.report.RecordQuery;
import io.jenkins.plugins.dataops.engine.governance.report.RecordStore;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Jenkins governance page sends (issue 14 item 5): the page itself (summary, timelines, metrics, an
 * empty table: the same size whatever the number of records) and one page of the records endpoint, per record,
 * with the synthetic ledger's evidence; plus the server's time to page and filter the index. The records are
 * spread over 100 jobs, each chained as the plugin chains a job. Run:
 * {@code java -cp ... PageEndpointBenchmark 10000 100000}.
 */
public final class PageEndpointBenchmark {
    private static final int JOBS = 100;

    private PageEndpointBenchmark() {}

    /**
     * Measures each record count given.
     *
     * @param args record counts, e.g. {@code 10000 100000}
     * @throws IOException never (writes to memory)
     */
    public static void main(final String[] args) throws IOException {
        System.out.println("| records | page HTML KB | endpoint, 100 rows: KB | bytes per record | 500 rows: KB"
                + " | filtered page CPU ms | index rows, heap MB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (String arg : args) {
            measure(Integer.parseInt(arg));
        }
    }

    private static void measure(final int size) throws IOException {
        Map<String, List<GovernanceRecord>> chains = new HashMap<>();
        List<IndexRow> shared = new ArrayList<>();
        new SyntheticLedger(size).forEach(synthetic -> {
            String job = "team/job-" + synthetic.sequence() % JOBS;
            List<GovernanceRecord> chain = chains.computeIfAbsent(job, name -> new ArrayList<>());
            GovernanceRecord record = RecordCodec.chain(
                    chain.isEmpty() ? null : chain.get(chain.size() - 1), synthetic.event(), synthetic.timeMillis());
            chain.add(record);
            shared.add(IndexRow.of(job, chain.size(), record));
        });
        System.gc();
        long before = usedHeap();
        RecordIndex index = new RecordIndex();
        index.add(shared.stream().map(PageEndpointBenchmark::copy).toList()); // own strings: what a loaded index holds
        shared.clear();
        System.gc();
        long indexHeap = usedHeap() - before;
        RecordStore store = store(chains);
        StringWriter html = new StringWriter();
        new ReportRenderer()
                .writeFragment(
                        index.summarySource(job -> true),
                        ReportOptions.titled("All jobs").withRecordsUrl("records"),
                        html);
        int page100 = page(index, store, Map.of()).length();
        int page500 = page(index, store, Map.of("limit", "500")).length();
        page(index, store, Map.of("env", "prod", "q", "job-7")); // warm up
        long cpu = cpuNanos();
        for (int i = 0; i < 5; i++) {
            page(index, store, Map.of("env", "prod", "q", "job-7", "offset", "100"));
        }
        long filteredMs = (cpuNanos() - cpu) / 5 / 1_000_000;
        System.out.printf(
                "| %,d | %.1f | %.1f | %d | %.1f | %d | %.1f |%n",
                size,
                html.toString().length() / 1024.0,
                page100 / 1024.0,
                page100 / Math.min(size, 100),
                page500 / 1024.0,
                filteredMs,
                indexHeap / 1048576.0);
    }

    private static IndexRow copy(final IndexRow row) {
        return new IndexRow(
                new String(row.job()),
                row.build(),
                row.sequence(),
                row.timeMillis(),
                new String(row.product()),
                new String(row.environment()),
                new String(row.action()),
                new String(row.release()),
                new String(row.outcome()),
                new String(row.actor()),
                new String(row.buildRef()));
    }

    private static String page(final RecordIndex index, final RecordStore store, final Map<String, String> query)
            throws IOException {
        StringWriter json = new StringWriter();
        new RecordPageJson(new JobVerifications())
                .write(index.page(RecordQuery.parse(query), job -> true), store, json);
        return json.toString();
    }

    private static RecordStore store(final Map<String, List<GovernanceRecord>> chains) {
        return new RecordStore() {
            @Override
            public Optional<GovernanceRecord> record(final IndexRow row) {
                return Optional.of(chains.get(row.job()).get(row.build() - 1));
            }

            @Override
            public List<GovernanceRecord> chain(final String job) {
                return chains.get(job);
            }

            @Override
            public String chainState(final String job) {
                return Integer.toString(chains.get(job).size());
            }
        };
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
