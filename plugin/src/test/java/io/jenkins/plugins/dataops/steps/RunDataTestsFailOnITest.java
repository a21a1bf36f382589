package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.HistoryRequest;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine records a data-test run under the step's own {@code failOn} (promotion gates read that
 * record), on the example product on embedded H2.
 */
class RunDataTestsFailOnITest {
    @Test
    void shouldRecordTheRunUnderTheStepsFailOn(@TempDir final Path workspace) throws Exception {
        new FilePath(new File("../examples/customer")).copyRecursiveTo(new FilePath(workspace.toFile()));
        DataOps dataOps = DataOps.open(
                workspace.resolve("dataops.yaml"),
                new Session(
                        "alice",
                        "customer#1",
                        new MapCredentialsResolver(),
                        new ConsoleProgress(TaskListener.NULL, List.of()),
                        new MemoryLedger()));
        EngineGateway.provision(dataOps, "dev", false);
        EngineGateway.migrate(dataOps, MigrateRequest.of("dev").withTag("1.0.0"));

        EngineGateway.test(dataOps, "dev", workspace, "warning.xml", true, 0, false);
        assertThat(lastTest(dataOps).details()).contains("\"failOn\":\"warn\"");

        EngineGateway.test(dataOps, "dev", workspace, "error.xml", false, 2, false);
        assertThat(lastTest(dataOps).details()).contains("\"failOn\":\"error\"");
        assertThat(workspace.resolve("warning.xml")).exists();
    }

    private static HistoryEntry lastTest(final DataOps dataOps) {
        List<HistoryEntry> tests = dataOps.history(HistoryRequest.of("dev")).releases().stream()
                .filter(entry -> "test".equals(entry.action()))
                .toList();
        return tests.get(tests.size() - 1);
    }
}
