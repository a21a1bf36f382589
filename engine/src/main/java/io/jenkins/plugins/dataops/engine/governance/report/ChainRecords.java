package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.util.List;
import java.util.Optional;

/**
 * Records of one chain already in memory (one Jenkins build's records) as an index and its store, so that a
 * build's page pages and verifies its records with the same code as the cross-job page.
 */
public final class ChainRecords implements RecordStore {
    private final String job;
    private final List<GovernanceRecord> records;
    private final RecordIndex index = new RecordIndex();

    /**
     * Indexes records of one job that one build holds.
     *
     * @param job     the job's full name
     * @param build   the build number
     * @param records the build's records, oldest first
     */
    public ChainRecords(final String job, final int build, final List<GovernanceRecord> records) {
        this.job = job;
        this.records = List.copyOf(records);
        index.add(this.records.stream()
                .map(record -> IndexRow.of(job, build, record))
                .toList());
    }

    /**
     * Returns the index over the records.
     *
     * @return the index
     */
    public RecordIndex index() {
        return index;
    }

    @Override
    public Optional<GovernanceRecord> record(final IndexRow row) {
        return records.stream()
                .filter(record -> record.sequence() == row.sequence())
                .findFirst();
    }

    @Override
    public List<GovernanceRecord> chain(final String name) {
        return name.equals(job) ? records : List.of();
    }

    @Override
    public String chainState(final String name) {
        return Integer.toString(records.size());
    }
}
