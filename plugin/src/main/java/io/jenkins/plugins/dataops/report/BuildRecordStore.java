package io.jenkins.plugins.dataops.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.report.IndexRow;
import io.jenkins.plugins.dataops.engine.governance.report.RecordIndex;
import io.jenkins.plugins.dataops.engine.governance.report.RecordStore;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * Reads the full records behind index rows from the builds that hold them (Jenkins loads a build's
 * {@code build.xml} when it is first asked for, and keeps it for a while). Used only after the page has checked
 * that the reader may read the row's job. A job's chain is the records of the builds its index names.
 */
final class BuildRecordStore implements RecordStore {
    private final RecordIndex index;

    BuildRecordStore(final RecordIndex index) {
        this.index = index;
    }

    @Override
    public Optional<GovernanceRecord> record(final IndexRow row) {
        return entries(row.job(), row.build()).stream()
                .filter(entry -> entry.getSequence() == row.sequence())
                .findFirst()
                .map(GovernanceEntry::toRecord);
    }

    @Override
    public List<GovernanceRecord> chain(final String job) {
        List<GovernanceEntry> entries = new ArrayList<>();
        index.jobRows(job).stream()
                .map(IndexRow::build)
                .distinct()
                .forEach(build -> entries.addAll(entries(job, build)));
        entries.sort(Comparator.comparingLong(GovernanceEntry::getSequence));
        return entries.stream().map(GovernanceEntry::toRecord).toList();
    }

    /**
     * Returns the MACs of a job's records (record hash to MAC under the ledger key) from the builds its index
     * names.
     *
     * @param job the job's full name
     * @return the MACs
     */
    Map<String, String> macs(final String job) {
        Map<String, String> macs = new HashMap<>();
        index.jobRows(job).stream().map(IndexRow::build).distinct().forEach(build -> {
            GovernanceRunAction action = action(job, build);
            if (action != null) {
                macs.putAll(action.getMacs());
            }
        });
        return macs;
    }

    /** The job's index file changes whenever a record is added or a build removed: a cheap state to compare. */
    @Override
    public String chainState(final String job) {
        Job<?, ?> item = Jenkins.get().getItemByFullName(job, Job.class);
        if (item == null) {
            return "gone";
        }
        File file = JobRecords.file(item).getFile();
        return file.lastModified() + ":" + file.length();
    }

    private static List<GovernanceEntry> entries(final String job, final int build) {
        GovernanceRunAction action = action(job, build);
        return action == null ? List.of() : action.getEntries();
    }

    @CheckForNull
    private static GovernanceRunAction action(final String job, final int build) {
        Job<?, ?> item = Jenkins.get().getItemByFullName(job, Job.class);
        Run<?, ?> run = item == null ? null : item.getBuildByNumber(build);
        return run == null ? null : run.getAction(GovernanceRunAction.class);
    }
}
