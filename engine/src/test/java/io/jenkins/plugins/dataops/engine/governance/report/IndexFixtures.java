package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs with chained records, one record per build, and a store over them, for the index and page tests. */
final class IndexFixtures implements RecordStore {
    static final long START = ReportFixtures.START.toEpochMilli();

    /** Job full name to its records, oldest first (record N lives in build N). */
    final Map<String, List<GovernanceRecord>> chains = new LinkedHashMap<>();
    /** How many times a job's chain was loaded. */
    final Map<String, Integer> chainLoads = new LinkedHashMap<>();

    /** Adds a record to a job at START plus {@code minutes}, in environment {@code env}. */
    GovernanceRecord add(final String job, final long minutes, final String env, final String outcome) {
        List<GovernanceRecord> chain = chains.computeIfAbsent(job, name -> new ArrayList<>());
        GovernanceEvent event = new GovernanceEvent(
                "alice",
                "migrate",
                "customer",
                env,
                "1.0." + chain.size(),
                outcome,
                "https://ci.example.com/job/" + job + "/" + (chain.size() + 1) + "/",
                Map.of("note", "evidence of " + job + " #" + (chain.size() + 1)));
        GovernanceRecord record = RecordCodec.chain(
                chain.isEmpty() ? null : chain.get(chain.size() - 1), event, START + minutes * 60_000L);
        chain.add(record);
        return record;
    }

    /** Returns the index rows of every job (build number = sequence). */
    List<IndexRow> rows() {
        List<IndexRow> rows = new ArrayList<>();
        chains.forEach((job, chain) ->
                chain.forEach(record -> rows.add(IndexRow.of(job, (int) record.sequence(), record))));
        return rows;
    }

    RecordIndex index() {
        RecordIndex index = new RecordIndex();
        index.add(rows());
        return index;
    }

    @Override
    public Optional<GovernanceRecord> record(final IndexRow row) {
        return chains.getOrDefault(row.job(), List.of()).stream()
                .filter(record -> record.sequence() == row.sequence())
                .findFirst();
    }

    @Override
    public List<GovernanceRecord> chain(final String job) {
        chainLoads.merge(job, 1, Integer::sum);
        return chains.getOrDefault(job, List.of());
    }

    @Override
    public String chainState(final String job) {
        List<GovernanceRecord> chain = chains.getOrDefault(job, List.of());
        return chain.size() + ":"
                + (chain.isEmpty() ? 0 : chain.get(chain.size() - 1).sequence());
    }
}
