package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Slave;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** Controller restarts in the middle of a step: what survives, what is cleaned up, what is recorded. */
class StepRestartITest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldDestroyTheEphemeralEnvironmentAfterABodyThatSurvivedARestart() throws Throwable {
        sessions.then(j -> {
            WorkflowJob job = j.createProject(WorkflowJob.class, "customer");
            new FilePath(new File("../examples/customer")).copyRecursiveTo(j.jenkins.getWorkspaceFor(job));
            job.setDefinition(new CpsFlowDefinition("""
                    node('built-in') {
                        provisionEnvironment(env: 'pr-7', ephemeral: true) {
                            echo "body started in ${env.DATAOPS_ENV}"
                            waitUntil { fileExists 'go' }
                            echo 'body finished'
                        }
                    }
                    """, true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("body started in pr-7", run);
        });
        sessions.then(j -> {
            WorkflowJob job = j.jenkins.getItemByFullName("customer", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);

            j.jenkins.getWorkspaceFor(job).child("go").write("", StandardCharsets.UTF_8.name());

            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("body finished", run);
            j.assertLogNotContains("SynchronousResumeNotSupportedException", run);
            assertThat(actions(run))
                    .containsSubsequence(
                            "ephemeral-create:intent",
                            "ephemeral-create:success",
                            "ephemeral-destroy:intent",
                            "ephemeral-destroy:success");
        });
    }

    @Test
    void shouldCollectTheRecordsOfAMigrationThatARestartCutOff() throws Throwable {
        sessions.then(j -> {
            DumbSlave agent = j.createSlave("remote", "agent", null);
            j.waitOnline(agent);
            WorkflowJob job = j.createProject(WorkflowJob.class, "slow");
            SlowProduct.writeTo(agent.getWorkspaceFor(job));
            job.setDefinition(new CpsFlowDefinition("""
                    node('agent') {
                        provisionEnvironment env: 'dev'
                        migrateSchema env: 'dev'
                    }
                    """, true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage(SlowProduct.SLOW_CHANGESET_RUNS, run);
        });
        sessions.then(j -> {
            Slave agent = (Slave) j.jenkins.getNode("remote");
            j.waitOnline(agent);
            WorkflowJob job = j.jenkins.getItemByFullName("slow", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);

            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));

            j.assertLogContains("Jenkins restarted while migrateSchema was running", run);
            List<GovernanceEntry> entries =
                    run.getAction(GovernanceRunAction.class).getEntries();
            assertThat(actions(run))
                    .containsExactly("provision:intent", "provision:success", "migrate:intent", "migrate:interrupted");
            assertThat(entries.get(3).getEvidence()).containsKeys(EvidenceKeys.INTENT, EvidenceKeys.STEP_LEDGER);
            assertThat(WorkspaceList.tempDir(agent.getWorkspaceFor(job))
                            .child(StepLedgers.FOLDER)
                            .list())
                    .as("the collected step ledger is deleted")
                    .isEmpty();
        });
    }

    @Test
    void shouldCollectTheRecordsOfAPromotionThatARestartCutOff() throws Throwable {
        sessions.then(j -> {
            DumbSlave agent = j.createSlave("remote", "agent", null);
            j.waitOnline(agent);
            WorkflowJob job = j.createProject(WorkflowJob.class, "slow-promotion");
            writeSlowPromotionTo(agent.getWorkspaceFor(job));
            job.setDefinition(new CpsFlowDefinition("""
                    node('agent') {
                        provisionEnvironment env: 'dev'
                        migrateSchema env: 'dev', tag: '1.0.0'
                        runDataTests env: 'dev'
                        provisionEnvironment env: 'qat'
                        promote release: '1.0.0', from: 'dev', to: 'qat'
                    }
                    """, true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            awaitSecondOccurrence(run, PROMOTION_SLOW_CHANGESET_RUNS); // the first is the quick one in dev
        });
        sessions.then(j -> {
            Slave agent = (Slave) j.jenkins.getNode("remote");
            j.waitOnline(agent);
            WorkflowJob job = j.jenkins.getItemByFullName("slow-promotion", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);

            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));

            j.assertLogContains("Jenkins restarted while promote was running", run);
            j.assertLogNotContains("SynchronousResumeNotSupportedException", run);
            List<String> actions = actions(run);
            assertThat(actions).containsSubsequence("migrate:success", "promote:intent", "promote:interrupted");
            assertThat(actions.get(actions.size() - 1)).isEqualTo("promote:interrupted");
            assertThat(WorkspaceList.tempDir(agent.getWorkspaceFor(job))
                            .child(StepLedgers.FOLDER)
                            .list())
                    .as("the collected step ledger is deleted")
                    .isEmpty();
        });
    }

    @Test
    void shouldFailDataTestsThatARestartCutOffSayingTheyChangedNoData() throws Throwable {
        sessions.then(j -> {
            DumbSlave agent = j.createSlave("remote", "agent", null);
            j.waitOnline(agent);
            WorkflowJob job = j.createProject(WorkflowJob.class, "slow-tests");
            writeSlowDataTestsTo(agent.getWorkspaceFor(job));
            job.setDefinition(new CpsFlowDefinition("""
                    node('agent') {
                        provisionEnvironment env: 'dev'
                        migrateSchema env: 'dev'
                        runDataTests env: 'dev'
                    }
                    """, true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Checking table 'ITEM'", run);
        });
        sessions.then(j -> {
            Slave agent = (Slave) j.jenkins.getNode("remote");
            j.waitOnline(agent);
            WorkflowJob job = j.jenkins.getItemByFullName("slow-tests", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);

            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));

            j.assertLogContains("Jenkins restarted while runDataTests was running", run);
            j.assertLogContains("changes only history rows and records, not the schema or the data", run);
            j.assertLogNotContains("SynchronousResumeNotSupportedException", run);
            assertThat(actions(run)).startsWith("provision:intent", "provision:success", "migrate:intent");
            assertThat(WorkspaceList.tempDir(agent.getWorkspaceFor(job))
                            .child(StepLedgers.FOLDER)
                            .list())
                    .as("the collected step ledger is deleted")
                    .isEmpty();
        });
    }

    /** A product whose one data check sleeps ten minutes per row (its table has one). */
    private static void writeSlowDataTestsTo(final FilePath workspace) throws Exception {
        workspace.child("dataops.yaml").write("""
                product: slow-tests
                changelog: changelog.yaml
                checks: checks
                promotion: [dev]
                environments:
                  dev: { provider: h2 }
                """, StandardCharsets.UTF_8.name());
        workspace.child("checks").child("item.yaml").write("""
                table: item
                checks:
                  - sql: { name: slow_check, query: "SELECT id FROM item WHERE SLEEP(600000) IS NOT NULL" }
                """, StandardCharsets.UTF_8.name());
        workspace.child("changelog.yaml").write("""
                databaseChangeLog:
                  - changeSet:
                      id: 1-item
                      author: rest
                      changes:
                        - sql: { sql: "CREATE TABLE item (id INT)" }
                        - sql: { sql: "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep'" }
                        - sql: { sql: "INSERT INTO item VALUES (1)" }
                      rollback:
                        - sql: { sql: "DROP ALIAS SLEEP" }
                        - sql: { sql: "DROP TABLE item" }
                """, StandardCharsets.UTF_8.name());
    }

    /** The console line Liquibase prints when the changeset that sleeps only in {@code qat} starts. */
    private static final String PROMOTION_SLOW_CHANGESET_RUNS =
            "Running Changeset: changelog.yaml::3-sleep-in-qat::rest";

    /** A product whose last changeset returns at once in {@code dev} and sleeps ten minutes in {@code qat}. */
    private static void writeSlowPromotionTo(final FilePath workspace) throws Exception {
        workspace.child("dataops.yaml").write("""
                product: slow-promotion
                changelog: changelog.yaml
                checks: checks
                promotion: [dev, qat]
                environments:
                  dev: { provider: h2 }
                  qat: { provider: h2 }
                """, StandardCharsets.UTF_8.name());
        workspace.child("checks").child("item.yaml").write("""
                table: item
                checks:
                  - sql: { name: never_fails, query: "SELECT id FROM item WHERE 1 = 0" }
                """, StandardCharsets.UTF_8.name());
        workspace.child("changelog.yaml").write("""
                databaseChangeLog:
                  - changeSet:
                      id: 1-item
                      author: rest
                      changes:
                        - sql: { sql: "CREATE TABLE item (id INT)" }
                      rollback:
                        - sql: { sql: "DROP TABLE item" }
                  - changeSet:
                      id: 2-sleep-alias
                      author: rest
                      changes:
                        - sql: { sql: "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep'" }
                      rollback:
                        - sql: { sql: "DROP ALIAS SLEEP" }
                  - changeSet:
                      id: 3-sleep-in-qat
                      author: rest
                      changes:
                        - sql: { sql: "CALL SLEEP(CASE WHEN UPPER(DATABASE()) = 'QAT' THEN 600000 ELSE 0 END)" }
                      rollback:
                        - sql: { sql: "SELECT 1" }
                  - changeSet:
                      id: 4-tag-1.0.0
                      author: rest
                      changes:
                        - tagDatabase: { tag: "1.0.0" }
                """, StandardCharsets.UTF_8.name());
    }

    /** Waits (no time limit but the test's) until a line is in the build's console twice. */
    private static void awaitSecondOccurrence(final WorkflowRun run, final String line) throws Exception {
        String log = JenkinsRule.getLog(run);
        while (log.indexOf(line) < 0 || log.indexOf(line, log.indexOf(line) + line.length()) < 0) {
            Thread.sleep(200);
            log = JenkinsRule.getLog(run);
        }
    }

    /** The build's records as {@code action:outcome}, oldest first; none before the first is stored. */
    static List<String> actions(final WorkflowRun run) {
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        if (action == null) {
            return List.of();
        }
        return action.getEntries().stream()
                .map(e -> e.getAction() + ":" + e.getOutcome())
                .toList();
    }
}
