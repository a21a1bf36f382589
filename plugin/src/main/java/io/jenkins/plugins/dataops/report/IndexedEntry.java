package io.jenkins.plugins.dataops.report;

import io.jenkins.plugins.dataops.model.GovernanceEntry;

/**
 * One row of the governance index: a record and the build that holds it.
 */
public final class IndexedEntry {
    private final String job;
    private final int build;
    private final GovernanceEntry entry;

    IndexedEntry(final String job, final int build, final GovernanceEntry entry) {
        this.job = job;
        this.build = build;
        this.entry = entry;
    }

    /**
     * Returns the full name of the job.
     *
     * @return e.g. {@code team/customer}
     */
    public String getJob() {
        return job;
    }

    public int getBuild() {
        return build;
    }

    public GovernanceEntry getEntry() {
        return entry;
    }
}
