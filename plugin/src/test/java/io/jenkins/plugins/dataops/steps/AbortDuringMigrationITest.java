package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** An abort while migrateSchema applies a changeset: the apply finishes, its records are stored, the build aborts. */
@WithJenkins
class AbortDuringMigrationITest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @Test
    void shouldLetAMigrationInFlightFinishWhenAbortedAndStoreItsRecords(final JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "gated");
        SlowProduct.writeGatedTo(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("""
                node('built-in') {
                    provisionEnvironment env: 'dev'
                    migrateSchema env: 'dev'
                    echo 'never'
                }
                """, true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        MigrationGate.ENTERED.await();

        run.doStop();
        j.waitForMessage("so it finishes first and its records are stored", run);
        assertThat(run.isBuilding()).as("the step waits for the apply").isTrue();
        MigrationGate.RELEASE.countDown();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        j.assertLogNotContains("never", run);
        assertThat(StepRestartITest.actions(run))
                .containsExactly("provision:intent", "provision:success", "migrate:intent", "migrate:success");
    }
}
