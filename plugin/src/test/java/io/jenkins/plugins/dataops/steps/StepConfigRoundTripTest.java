package io.jenkins.plugins.dataops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Round-trips every step through the model the Snippet Generator uses: step, then its Groovy snippet and
 * its arguments, then a step equal to the first.
 */
@WithJenkins
class StepConfigRoundTripTest {
    @Test
    void shouldRoundTripEveryStep(final JenkinsRule j) throws Exception {
        ProvisionEnvironmentStep provision = new ProvisionEnvironmentStep("pr-1");
        provision.setEphemeral(true);
        provision.setTtl("2h");
        MigrateSchemaStep migrate = new MigrateSchemaStep("qat");
        migrate.setTag("1.4.7");
        migrate.setAllowDestructive(true);
        migrate.setSpec("products/customer/dataops.yaml");
        RunDataTestsStep tests = new RunDataTestsStep("qat");
        tests.setFailOn("warning");
        tests.setThreads(4);
        tests.setFull(true);
        PromoteStep promote = new PromoteStep("1.4.7", "qat", "prod");
        promote.setApprover("carol");
        PromoteStep drifted = new PromoteStep("1.4.7", "qat", "prod");
        drifted.setAllowDrift(true);
        drifted.setReason("hotfix index, INC-42");
        MigrateSchemaStep brokenChecks = new MigrateSchemaStep("dev");
        brokenChecks.setAllowBrokenChecks(true);
        RollbackStep rollback = new RollbackStep("prod");
        rollback.setRelease("1.4.6");

        GcStep gc = new GcStep();
        gc.setSpec("products/customer/dataops.yaml");

        for (Step step : List.of(provision, migrate, brokenChecks, tests, promote, drifted, rollback, gc)) {
            assertRoundTrip(j, step);
        }
        assertThat(Snippetizer.object2Groovy(migrate))
                .isEqualTo("migrateSchema allowDestructive: true, env: 'qat', spec: 'products/customer/dataops.yaml', "
                        + "tag: '1.4.7'");
        assertThat(Snippetizer.object2Groovy(new RollbackStep("prod"))).isEqualTo("rollback 'prod'");
        assertThat(Snippetizer.object2Groovy(new GcStep())).isEqualTo("dataOpsGc()");
        assertThat(Snippetizer.object2Groovy(drifted))
                .isEqualTo("promote allowDrift: true, from: 'qat', reason: 'hotfix index, INC-42', release: '1.4.7', "
                        + "to: 'prod'");
    }

    @SuppressWarnings("unchecked") // the model is built from the step's own class
    private static <S extends Step> void assertRoundTrip(final JenkinsRule j, final S step) throws Exception {
        DescribableModel<S> model = DescribableModel.of((Class<S>) step.getClass());
        S copy = model.instantiate(model.uninstantiate2(step).toMap());
        j.assertEqualDataBoundBeans(step, copy);
    }
}
