package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provisionEnvironment env: 'pr-42', ephemeral: true, planOnly: true} only plans: nothing is created. */
class PlanEphemeralTest {
    @TempDir
    private Path dir;

    private final MemoryLedger ledger = new MemoryLedger();

    @Test
    void shouldPlanAThrowAwayEnvironmentWithoutCreatingOrRecordingIt() {
        DataOps dataOps = open();

        PlanResult plan = dataOps.planEphemeral(CreateEphemeralRequest.of("pr-42"));

        assertThat(plan.plan().count(ChangeAction.CREATE)).isPositive();
        assertThat(ledger.records()).isEmpty();
        assertThatThrownBy(() -> dataOps.target("pr-42")).isNotNull(); // no registry entry, no database
        assertThat(dataOps.createEphemeral(CreateEphemeralRequest.of("pr-42")).toMap())
                .containsEntry("name", "pr-42"); // the name is still free
    }

    @Test
    void shouldRefuseToPlanADeclaredEnvironmentAsThrowAway() {
        DataOps dataOps = open();

        assertThatThrownBy(() -> dataOps.planEphemeral(CreateEphemeralRequest.of("qat")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'qat' is a declared environment");
    }

    private DataOps open() {
        return new DataOps(
                SpecLoader.load(ExampleProduct.copy("customer", dir)),
                new Session("alice", "build-7", new MapCredentialsResolver(), ProgressListener.NONE, ledger));
    }
}
