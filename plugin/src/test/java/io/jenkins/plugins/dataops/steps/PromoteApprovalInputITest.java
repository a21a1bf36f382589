package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import java.io.File;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code promote approvalInput: 'ReleaseProd'}: only the approval of that {@code input} counts for the protected
 * {@code prod} of the example product, never an approval the build collected for something else.
 */
@WithJenkins
class PromoteApprovalInputITest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    /** Brings release 1.0.0 to qat with passed tests, so only the approval stands between it and prod. */
    private static final String TO_QAT = """
            provisionEnvironment env: 'dev'
            migrateSchema env: 'dev', tag: '1.0.0'
            runDataTests env: 'dev'
            provisionEnvironment env: 'qat'
            promote release: '1.0.0', from: 'dev', to: 'qat'
            runDataTests env: 'qat'
            provisionEnvironment env: 'prod'
            """;

    private static WorkflowRun start(final JenkinsRule j, final String name, final String script) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        DumbSlave agent = j.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        new FilePath(new File("../examples/customer")).copyRecursiveTo(agent.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n" + TO_QAT + script + "\n}", true));
        return job.scheduleBuild2(0).waitForStart();
    }

    /** Approves the input with that id as the user, as the input's Proceed button does. */
    private static void approve(final JenkinsRule j, final WorkflowRun run, final String id, final String user)
            throws Exception {
        j.waitForMessage("Input " + id, run);
        InputStepExecution input = run.getAction(InputAction.class).getExecution(id);
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            input.proceed((Map<String, Object>) null);
        }
    }

    @Test
    void shouldNotCountAnUnrelatedApprovedInputWhenApprovalInputNamesAnother(final JenkinsRule j) throws Exception {
        // Given: bob approves the smoke-test input; nobody approves the release input
        WorkflowRun run = start(j, "unrelated", """
                input id: 'RunSmokeTests', message: 'Input RunSmokeTests'
                promote release: '1.0.0', from: 'qat', to: 'prod', approvalInput: 'ReleaseProd'
                """);

        // When
        approve(j, run, "RunSmokeTests", "bob");

        // Then
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));
        j.assertLogContains("Only an approval of the input 'ReleaseProd' counts.", run);
    }

    @Test
    void shouldCountTheApprovalOfTheNamedInput(final JenkinsRule j) throws Exception {
        // Given: carol approves an unrelated input, bob the release input (named in lower case)
        WorkflowRun run = start(j, "named", """
                input id: 'RunSmokeTests', message: 'Input RunSmokeTests'
                input id: 'releaseProd', message: 'Input ReleaseProd'
                def p = promote release: '1.0.0', from: 'qat', to: 'prod', approvalInput: 'releaseProd'
                echo "approved by ${p.approver}"
                """);

        // When
        approve(j, run, "RunSmokeTests", "carol");
        approve(j, run, "ReleaseProd", "bob");

        // Then
        j.assertBuildStatusSuccess(j.waitForCompletion(run));
        j.assertLogContains("approved by bob", run);
        assertThat(run.getLog()).doesNotContain("approved by carol");
    }
}
