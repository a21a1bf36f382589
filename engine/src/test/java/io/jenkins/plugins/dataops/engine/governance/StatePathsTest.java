package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.StatePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePathsTest {
    @TempDir
    private Path dir;

    @Test
    void shouldRefuseALedgerThatIsALinkOutOfTheStateFolder() throws IOException {
        // Given a ledger file linked to a file elsewhere
        Path state = Files.createDirectories(dir.resolve(".dataops"));
        Path foreign = Files.writeString(dir.resolve("foreign.jsonl"), "");
        Files.createSymbolicLink(state.resolve(JsonLinesLedger.FILE_NAME), foreign);
        JsonLinesLedger ledger = new JsonLinesLedger(state.resolve(JsonLinesLedger.FILE_NAME), Clock.systemUTC());

        // When / Then
        assertThatThrownBy(() ->
                        ledger.append(new GovernanceEvent("a", "migrate", "p", "dev", "", "intent", "cli", Map.of())))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("symbolic link out of its folder");
        assertThatThrownBy(ledger::verify).isInstanceOf(OperationRefusedException.class);
        assertThat(Files.size(foreign)).isZero();
    }

    @Test
    void shouldRefuseANewFileInASubFolderLinkedOutOfTheStateFolder() throws IOException {
        // Given
        Path state = Files.createDirectories(dir.resolve(".dataops"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(state.resolve("h2"), elsewhere);

        // When / Then
        assertThatThrownBy(() -> StatePaths.contained(state, state.resolve("h2").resolve("dev.mv.db")))
                .isInstanceOf(OperationRefusedException.class);
        assertThat(StatePaths.contained(state, state.resolve("own.mv.db"))).isEqualTo(state.resolve("own.mv.db"));
    }

    @Test
    void shouldRefuseOutputInsideTheStateFolderOrOverTheSpec() throws IOException {
        // Given
        Path state = Files.createDirectories(dir.resolve(".dataops"));
        Path spec = Files.writeString(dir.resolve("dataops.yaml"), "product: p\n");
        Files.writeString(state.resolve("ledger.jsonl"), "");
        Files.createSymbolicLink(dir.resolve("sneaky.json"), state.resolve("ledger.jsonl"));

        // When / Then
        assertThatThrownBy(() -> StatePaths.refuseOutputInState("--out", state.resolve("ledger.jsonl"), state, spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inside the state folder");
        assertThatThrownBy(() -> StatePaths.refuseOutputInState("--out", dir.resolve("./dataops.yaml"), state, spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is the spec file");
        assertThatThrownBy(() -> StatePaths.refuseOutputInState("--out", dir.resolve("sneaky.json"), state, spec))
                .isInstanceOf(InvalidInputException.class);
        StatePaths.refuseOutputInState("--out", dir.resolve("report.json"), state, spec);
    }
}
