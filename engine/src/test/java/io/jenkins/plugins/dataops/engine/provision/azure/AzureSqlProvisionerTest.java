package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.RecordingProgress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class AzureSqlProvisionerTest {
    private FakeArm arm;
    private AzureSqlProvisioner provisioner;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void startFake() {
        arm = FakeArm.start();
        provisioner = new AzureSqlProvisioner(principal -> arm.connection());
    }

    @AfterEach
    void stopFake() {
        arm.close();
    }

    @Test
    void shouldCreateEverythingFromNothing() {
        // Given nothing in Azure
        // When
        ProvisioningPlan plan = provisioner.apply(context(settings(), progress));

        // Then
        System.out.println(plan.render());
        arm.requests().forEach(System.out::println);
        assertThat(plan.changes()).extracting(ResourceChange::action).containsOnly(ChangeAction.CREATE);
    }
}
