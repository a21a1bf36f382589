package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code planOnly: true} on a throw-away environment only plans: nothing is created, nothing recorded. */
@WithJenkins
class EphemeralPlanOnlyITest {
    @Test
    void shouldOnlyPlanAnEphemeralEnvironmentWithPlanOnly(final JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "customer");
        new FilePath(new File("../examples/customer")).copyRecursiveTo(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("""
                node('built-in') {
                    def p = provisionEnvironment env: 'pr-5', ephemeral: true, planOnly: true
                    echo "planned: ${p.summary}"
                    def c = provisionEnvironment env: 'pr-5', ephemeral: true
                    echo "then created ${c.name}"
                }
                """, true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("planned: 1 to create", run);
        j.assertLogContains("then created pr-5", run); // the plan took nothing: the name was still free
        assertThat(StepRestartITest.actions(run))
                .containsExactly("ephemeral-create:intent", "ephemeral-create:success");
        assertThat(run.getAction(GovernanceRunAction.class)).isNotNull();
    }
}
