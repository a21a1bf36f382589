package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import java.io.File;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What crosses back from the agent: never an exception that is not the engine's (only its masked message),
 * and no resolved secret in the step's value.
 */
class EngineCallTest {
    private static final String SECRET = "s3cret-password-42";

    @Test
    void shouldTurnAnUnexpectedExceptionIntoOneMaskedLine(@TempDir final Path workspace) throws Exception {
        EngineOutcome outcome = call(workspace, new Failing());

        assertThat(outcome.getError())
                .startsWith("Unexpected IllegalStateException: driver said ****")
                .doesNotContain(SECRET)
                .doesNotContain("line two");
        assertThat(outcome.getValue()).isEmpty();
    }

    @Test
    void shouldWriteTheRecordsToTheStepLedgerAndReturnThemWithTheirOrigin(@TempDir final Path workspace)
            throws Exception {
        EngineTask provision = new Provisioning();

        EngineOutcome outcome = call(workspace, provision);

        assertThat(outcome.getError()).isNull();
        assertThat(outcome.getRecords())
                .extracting(e -> e.getAction() + ":" + e.getOutcome())
                .containsExactly("provision:intent", "provision:success");
        assertThat(outcome.getRecords()
                        .get(1)
                        .getEvidence()
                        .get(EvidenceKeys.STEP_LEDGER)
                        .toString())
                .contains(provision.ledgerId());
        assertThat(Files.readString(ledger(workspace, provision)))
                .as("the records stay on the agent until the controller has stored them")
                .contains("\"intent\"");
    }

    @Test
    void shouldMaskResolvedSecretsInTheValue(@TempDir final Path workspace) throws Exception {
        EngineOutcome outcome = call(workspace, new Leaking());

        assertThat(outcome.getError()).isNull();
        assertThat(outcome.getValue()).containsEntry("sql", "connect with ****").containsEntry("changeSets", 2);
        assertThat(outcome.getValue().get("result").toString())
                .as("strings nested in a result's toMap() are masked too")
                .contains("[connect with ****]")
                .doesNotContain(SECRET);
    }

    private static EngineOutcome call(final Path workspace, final EngineTask task) throws Exception {
        new FilePath(new File("../examples/customer")).copyRecursiveTo(new FilePath(workspace.toFile()));
        EngineCall call = new EngineCall(
                "dataops.yaml",
                "alice",
                "customer#1",
                new MapCredentialsResolver(),
                TaskListener.NULL,
                List.of(SECRET),
                task,
                ledger(workspace, task).toString());
        return call.invoke(workspace.toFile(), null);
    }

    private static Path ledger(final Path workspace, final EngineTask task) {
        return workspace
                .resolveSibling(workspace.getFileName() + "@tmp")
                .resolve(StepLedgers.FOLDER)
                .resolve(task.ledgerId() + ".jsonl");
    }

    /** Fails the way a driver or library bug would: not with a DataOpsException. */
    private static final class Failing extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> environments() {
            return List.of("dev");
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            throw new IllegalStateException("driver said " + SECRET + "\nline two");
        }
    }

    /** Provisions the example's dev environment: two records. */
    private static final class Provisioning extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> environments() {
            return List.of("dev");
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            return EngineGateway.provision(dataOps, "dev", false);
        }
    }

    /** Returns a value that holds a secret. */
    private static final class Leaking extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> environments() {
            return List.of("dev");
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            LinkedHashMap<String, Object> value = new LinkedHashMap<>();
            value.put("sql", "connect with " + SECRET);
            value.put("changeSets", 2);
            LinkedHashMap<String, Object> nested = new LinkedHashMap<>();
            nested.put("sql", new ArrayList<>(List.of("connect with " + SECRET)));
            value.put("result", nested);
            return value;
        }
    }
}
