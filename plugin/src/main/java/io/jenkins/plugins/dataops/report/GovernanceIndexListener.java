package io.jenkins.plugins.dataops.report;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;

/**
 * Keeps the governance index in step with deleted builds. Records enter the index when they are recorded
 * ({@link GovernanceIndex#record}), not when a build ends, so nothing happens when a build finishes; a deleted
 * build without DataOps records returns at once.
 */
@Extension
public class GovernanceIndexListener extends RunListener<Run<?, ?>> {
    @Override
    public void onDeleted(final Run<?, ?> run) {
        GovernanceIndex.get().forget(run);
    }
}
