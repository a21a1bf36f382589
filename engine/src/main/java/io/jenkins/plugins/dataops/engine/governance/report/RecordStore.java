package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where the full records behind an {@link RecordIndex} live (in Jenkins: the builds), read only for the rows a
 * page shows and for the chains of the jobs on it.
 */
public interface RecordStore {
    /**
     * Loads the record a row stands for, with its evidence and hash.
     *
     * @param row the row
     * @return the record, empty when its build is gone
     */
    Optional<GovernanceRecord> record(IndexRow row);

    /**
     * Loads every record of a job's chain that is still kept.
     *
     * @param job the job's full name
     * @return its records, oldest first
     */
    List<GovernanceRecord> chain(String job);

    /**
     * Names the state of a job's chain, e.g. its newest sequence and its number of records, so a verdict is
     * reused until the chain changes.
     *
     * @param job the job's full name
     * @return the state
     */
    String chainState(String job);
}
