package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The steps on the built-in node of a real Jenkins (a war in its own JVM, every plugin in its own class loader,
 * step threads with core's loader as their context class loader): what JenkinsRule, where all jars share one
 * loader, cannot show. H2 lives in the workspace.
 */
class RealClassLoadersITest {
    @RegisterExtension
    private final RealJenkinsExtension jenkins = new RealJenkinsExtension();

    @Test
    void shouldMigrateAndTestOnTheBuiltInNodeWithRealPluginClassLoaders() throws Throwable {
        jenkins.runRemotely(
                RealClassLoadersITest::migrateAndTestOnTheBuiltInNode,
                new File("../examples/customer").getAbsolutePath());
    }

    private static void migrateAndTestOnTheBuiltInNode(final JenkinsRule j, final String example) throws Throwable {
        WorkflowJob job = j.createProject(WorkflowJob.class, "customer");
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        new FilePath(new File(example)).copyRecursiveTo(workspace);
        job.setDefinition(new CpsFlowDefinition("""
                node('built-in') {
                    provisionEnvironment env: 'dev'
                    def m = migrateSchema env: 'dev', tag: '1.0.0'
                    def t = runDataTests env: 'dev'
                    echo "release=${m.release} passed=${t.passed} errors=${t.errors}"
                }
                """, true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("release=1.0.0", run);
        j.assertLogNotContains("No suitable driver", run);
        j.assertLogNotContains("ExceptionInInitializerError", run);
        assertThat(run.getAction(GovernanceRunAction.class).getEntries())
                .extracting(GovernanceEntry::getAction)
                .containsSubsequence("provision", "migrate", "test");
        assertThat(WorkspaceList.tempDir(workspace).child(StepLedgers.FOLDER).list())
                .as("every step ledger is deleted once its records are on the build")
                .isEmpty();
    }
}
