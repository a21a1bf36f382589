package io.jenkins.plugins.dataops.report;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;

/** Keeps the governance index in step with the builds: finished builds are indexed, deleted ones dropped. */
@Extension
public class GovernanceIndexListener extends RunListener<Run<?, ?>> {
    @Override
    public void onFinalized(final Run<?, ?> run) {
        GovernanceIndex.get().index(run);
    }

    @Override
    public void onDeleted(final Run<?, ?> run) {
        GovernanceIndex.get().forget(run);
    }
}
