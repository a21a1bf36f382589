package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Runs the steps in sandboxed pipelines on a real agent against the example product on embedded H2. */
@WithJenkins
class DataOpsStepsITest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static WorkflowJob jobWithExample(final JenkinsRule j, final String script) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "customer");
        FilePath workspace = agent.getWorkspaceFor(job);
        new FilePath(new File("../examples/customer")).copyRecursiveTo(workspace);
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n" + script + "\n}", true));
        return job;
    }

    @Test
    void shouldProvisionAndMigrateAndRecordGovernance(final JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithExample(j, """
                def p = provisionEnvironment env: 'dev'
                echo "provisioned ${p.environment} with ${p.summary}"
                def m = migrateSchema env: 'dev'
                echo "release=${m.release} changeSets=${m.changeSets} fingerprint=${m.fingerprint}"
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("[DataOps] ", run);
        j.assertLogContains("provisioned dev", run);
        j.assertLogContains("release=", run);
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getEntries()).extracting(e -> e.getAction()).contains("provision", "migrate");
        assertThat(action.getEntries().get(0).getSequence()).isEqualTo(1);
        assertThat(action.getEntries().get(1).getPrev())
                .isEqualTo(action.getEntries().get(0).getHash());
    }

    @Test
    void shouldFailWithOneReadableLineForEngineErrors(final JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithExample(j, "migrateSchema env: 'nosuch'");

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("Environment 'nosuch'", run);
        j.assertLogNotContains("at io.jenkins.plugins.dataops", run);
    }

    @Test
    void shouldRunAllStepsAndTearDownTheEphemeralEnvironmentWhenTheBodyFails(final JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithExample(j, """
                provisionEnvironment env: 'dev'
                def m = migrateSchema env: 'dev', tag: '1.0.0'
                def t = runDataTests env: 'dev'
                junit 'dataops-reports/*.xml'
                provisionEnvironment env: 'qat'
                promote release: m.release, from: 'dev', to: 'qat'
                migrateSchema env: 'dev', tag: '1.1.0'
                runDataTests env: 'dev'
                def p = promote release: '1.1.0', from: 'dev', to: 'qat'
                def r = rollback env: 'qat'
                echo "promoted ${p.release} and rolled back to ${r.release}"
                provisionEnvironment(env: 'pr-1', ephemeral: true) {
                    migrateSchema env: env.DATAOPS_ENV, tag: '1.1.0'
                    error 'body failed on purpose'
                }
                """);

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("promoted 1.1.0 and rolled back to 1.0.0", run);
        j.assertLogContains("body failed on purpose", run);
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getEntries())
                .extracting(e -> e.getAction())
                .contains("ephemeral-create", "ephemeral-destroy");
    }

    @Test
    void shouldCollectAnExpiredEphemeralEnvironmentEvenWhenTheWorkspaceRegistryIsGone(final JenkinsRule j)
            throws Exception {
        WorkflowJob job = jobWithExample(j, """
                provisionEnvironment env: 'pr-7', ephemeral: true, ttl: '1s'
                provisionEnvironment env: 'pr-8', ephemeral: true, ttl: '4h'
                dir('.dataops/ephemeral') { deleteDir() }
                sleep 2
                def g = dataOpsGc()
                echo "destroyed=${g.destroyed}"
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("destroyed=[pr-7]", run);
        assertThat(run.getAction(GovernanceRunAction.class).getEntries())
                .extracting(e -> e.getAction() + ":" + e.getEnvironment())
                .contains("ephemeral-destroy:pr-7")
                .doesNotContain("ephemeral-destroy:pr-8");
    }

    @Test
    void shouldRefuseTheBlockFormWithoutEphemeral(final JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithExample(j, "provisionEnvironment(env: 'dev') { echo 'never' }");

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("needs ephemeral: true", run);
        j.assertLogNotContains("never", run);
    }

    @Test
    void shouldNotDestroyAnEnvironmentTheRefusedBlockDidNotCreate(final JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithExample(j, """
                provisionEnvironment env: 'dev'
                migrateSchema env: 'dev', tag: '1.0.0'
                try {
                    provisionEnvironment(env: 'dev', ephemeral: true) { echo 'never' }
                } catch (e) {
                    echo "refused: ${e.message}"
                }
                def m = migrateSchema env: 'dev', tag: '1.0.0'
                echo "dev still runs ${m.release}"
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("is a declared environment", run);
        j.assertLogContains("dev still runs 1.0.0", run);
        j.assertLogNotContains("never", run);
        assertThat(run.getAction(GovernanceRunAction.class).getEntries())
                .extracting(e -> e.getAction())
                .doesNotContain("destroy", "ephemeral-destroy");
    }

    @Test
    void shouldTearDownTheEphemeralEnvironmentWhenTheBuildIsAborted(final JenkinsRule j) throws Exception {
        WorkflowJob job = jobWithExample(j, """
                provisionEnvironment(env: 'pr-2', ephemeral: true) {
                    echo 'body started'
                    sleep 600
                }
                """);
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("body started", run);

        run.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        assertThat(run.getAction(GovernanceRunAction.class).getEntries())
                .extracting(e -> e.getAction())
                .containsSubsequence("ephemeral-create", "ephemeral-destroy");
    }
}
