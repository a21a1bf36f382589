package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.config.EnvironmentRule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * An abort while the block form creates its environment: the creation runs to its end, then the environment is
 * destroyed, one after the other, and the build ends ABORTED. The ephemeral template points at a local socket
 * that accepts the database connection and answers only when the test says so, so the abort lands in the middle
 * of the creation for certain.
 */
@WithJenkins
class AbortDuringCreationITest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @Test
    void shouldLetTheCreationFinishAndThenDestroyWhenAbortedDuringCreation(final JenkinsRule j) throws Exception {
        try (HangingServer server = new HangingServer()) {
            WorkflowJob job = jobCreatingOn(j, server.port());
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            server.connected.await();

            run.doStop();
            j.waitForMessage("finishes first, then it is destroyed", run);
            assertThat(run.isBuilding()).as("the step waits for the creation").isTrue();
            assertThat(StepRestartITest.actions(run)).doesNotContain("ephemeral-destroy:intent");
            server.release.countDown();

            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
            j.assertLogNotContains("never", run);
            assertThat(StepRestartITest.actions(run))
                    .containsSubsequence(
                            "ephemeral-create:intent", "ephemeral-create:failed", "ephemeral-destroy:intent")
                    .doesNotContain("ephemeral-create:interrupted");
        }
    }

    private static WorkflowJob jobCreatingOn(final JenkinsRule j, final int port) throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "pg", "", "dataops", "a-long-enough-password"));
        SystemCredentialsProvider.getInstance().save();
        EnvironmentRule rule = new EnvironmentRule("pr-*");
        rule.setAllowedCredentialsIds("pg");
        DataOpsConfiguration.get().setEnvironments(List.of(rule));
        WorkflowJob job = j.createProject(WorkflowJob.class, "customer");
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        new FilePath(new java.io.File("../examples/customer")).copyRecursiveTo(workspace);
        workspace.child("dataops.yaml").write("""
                product: customer
                changelog: db/changelog.yaml
                promotion: [dev]
                environments:
                  dev: { provider: h2 }
                ephemeral: { provider: postgres, url: 'jdbc:postgresql://127.0.0.1:%d/postgres', credentials: pg, ttl: 1h }
                """.formatted(port), StandardCharsets.UTF_8.name());
        job.setDefinition(new CpsFlowDefinition("""
                node('built-in') {
                    provisionEnvironment(env: 'pr-9', ephemeral: true) { echo 'never' }
                }
                """, true));
        return job;
    }

    /**
     * Accepts the first connection and holds it, unanswered, until released, then closes it; later connections
     * are closed at once. To the PostgreSQL driver: a server that hangs, then goes away.
     */
    private static final class HangingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final CountDownLatch connected = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread acceptor = new Thread(this::serve, "hanging-postgres");

        HangingServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            try {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        connected.countDown();
                        release.await();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed by the test
            }
        }

        @Override
        public void close() throws IOException {
            release.countDown();
            socket.close();
        }
    }
}
