package io.jenkins.plugins.dataops.report;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.listeners.ItemListener;

/**
 * Keeps the governance index in step with the jobs: renamed or moved jobs take their rows along, deleted jobs
 * and folders take them away (the index filters rows by the job's current name and permissions).
 */
@Extension
public class GovernanceJobListener extends ItemListener {
    @Override
    public void onLocationChanged(final Item item, final String oldFullName, final String newFullName) {
        if (item instanceof Job) {
            GovernanceIndex.get().moveJob(oldFullName, newFullName);
        }
    }

    @Override
    public void onDeleted(final Item item) {
        GovernanceIndex.get().forgetJob(item.getFullName());
    }
}
