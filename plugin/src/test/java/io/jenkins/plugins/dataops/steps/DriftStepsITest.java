package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A change made by hand in qat, outside the changelog: {@code checkDrift} finds it and the build page says so,
 * {@code promote} refuses the drifted target, and {@code allowDrift} with a reason lets it through.
 */
@WithJenkins
class DriftStepsITest {
    @Test
    void shouldFindDriftRefuseThePromotionAndAllowItWithAReason(final JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "customer");
        FilePath workspace = agent.getWorkspaceFor(job);
        new FilePath(new File("../examples/customer")).copyRecursiveTo(workspace);
        job.setDefinition(pipeline("""
                provisionEnvironment env: 'dev'
                provisionEnvironment env: 'qat'
                migrateSchema env: 'dev', tag: '1.0.0'
                runDataTests env: 'dev'
                promote release: '1.0.0', from: 'dev', to: 'qat'
                migrateSchema env: 'dev', tag: '1.1.0'
                runDataTests env: 'dev'
                """));
        j.buildAndAssertSuccess(job);

        alterByHand(workspace, "ALTER TABLE customer ADD COLUMN vip BOOLEAN");

        job.setDefinition(pipeline("""
                def d = checkDrift env: 'qat', failOn: 'never'
                echo "drifted=${d.drifted} findings=${d.findings.size()}"
                try {
                    promote release: '1.1.0', from: 'dev', to: 'qat'
                } catch (e) {
                    echo "refused: ${e.message}"
                }
                def p = promote release: '1.1.0', from: 'dev', to: 'qat', allowDrift: true, reason: 'vip column, INC-42'
                echo "promoted ${p.release}"
                """));
        WorkflowRun run = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        j.assertLogContains("drifted=true findings=1", run);
        j.assertLogContains("column CUSTOMER.VIP added", run);
        j.assertLogContains("refused: ", run);
        j.assertLogContains("promoted 1.1.0", run);
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        assertThat(action.getDriftSummaries())
                .singleElement()
                .asString()
                .contains("'qat'", "has drifted", "1 finding(s)");
        assertThat(action.getEntries())
                .filteredOn(
                        e -> e.getAction().equals("promote") && e.getOutcome().equals("success"))
                .singleElement()
                .satisfies(e -> assertThat(e.getEvidence())
                        .containsEntry("allowDrift", true)
                        .containsEntry("reason", "vip column, INC-42"));
    }

    private static CpsFlowDefinition pipeline(final String body) throws Exception {
        return new CpsFlowDefinition("node('agent') {\n" + body + "\n}", true);
    }

    /** Changes qat's embedded database directly, as someone with a SQL client would. */
    private static void alterByHand(final FilePath workspace, final String sql) throws Exception {
        String url = "jdbc:h2:file:" + workspace.getRemote().replace('\\', '/') + "/.dataops/h2/qat;AUTO_SERVER=TRUE";
        Properties user = new Properties();
        user.setProperty("user", "sa");
        user.setProperty("password", "");
        try (Connection connection = new org.h2.Driver().connect(url, user);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
