package io.jenkins.plugins.dataops.gc;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.Queue;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.engine.policy.GcSchedule;
import java.util.List;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Periodic garbage collection builds the configured jobs when its interval is set, and nothing when it is 0. */
@WithJenkins
class GcPeriodicWorkTest {
    private static WorkflowJob gcJob(final JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "gc");
        job.setDefinition(new CpsFlowDefinition("echo 'gc job ran'", true));
        return job;
    }

    private static GcPeriodicWork work() {
        return ExtensionList.lookupSingleton(GcPeriodicWork.class);
    }

    @Test
    void shouldBuildTheGcJobWithItsCauseWhenTheIntervalIsOneMinute(final JenkinsRule j) throws Exception {
        WorkflowJob job = gcJob(j);
        DataOpsConfiguration configuration = DataOpsConfiguration.get();
        configuration.setGcJobs("gc\nno-such-job");
        configuration.setGcIntervalMinutes(1);

        work().execute(TaskListener.NULL);
        j.waitUntilNoActivity();

        WorkflowRun run = job.getLastBuild();
        assertThat(run).as("the gc job was built").isNotNull();
        assertThat(run.getCause(GcCause.class)).isNotNull();
        assertThat(run.getCause(GcCause.class).getShortDescription()).contains("DataOps garbage collection");
        j.assertLogContains("gc job ran", run);
    }

    @Test
    void shouldBuildNothingWhenTheIntervalIsZero(final JenkinsRule j) throws Exception {
        WorkflowJob job = gcJob(j);
        DataOpsConfiguration configuration = DataOpsConfiguration.get();
        configuration.setGcJobs("gc");
        configuration.setGcIntervalMinutes(0);

        work().execute(TaskListener.NULL);
        j.waitUntilNoActivity();

        assertThat(job.getLastBuild()).isNull();
        assertThat(j.jenkins.getQueue().getItems()).isEmpty();
    }

    @Test
    void shouldSkipAJobAlreadyQueuedAndLogAMissingOne(final JenkinsRule j) throws Exception {
        WorkflowJob job = gcJob(j);
        Queue.Item queued = ParameterizedJobMixIn.scheduleBuild2(job, 3600);
        assertThat(queued).isNotNull();

        List<String> scheduled =
                work().scheduleRound(new GcSchedule(List.of("gc", "no-such-job"), 1), TaskListener.NULL);

        assertThat(scheduled).isEmpty();
        assertThat(j.jenkins.getQueue().getItems()).hasSize(1);
        j.jenkins.getQueue().cancel(queued);
    }

    @Test
    void shouldScheduleOnlyTheJobsThatExist(final JenkinsRule j) throws Exception {
        gcJob(j);

        List<String> scheduled =
                work().scheduleRound(new GcSchedule(List.of("no-such-job", "gc"), 1), TaskListener.NULL);
        j.waitUntilNoActivity();

        assertThat(scheduled).containsExactly("gc");
    }
}
