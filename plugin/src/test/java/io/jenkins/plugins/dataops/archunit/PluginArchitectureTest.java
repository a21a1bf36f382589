package io.jenkins.plugins.dataops.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.kohsuke.stapler.verb.POST;

/** Plugin rules: thin steps, validation only through POST. */
@AnalyzeClasses(packages = "io.jenkins.plugins.dataops")
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule NO_JENKINS_INSTANCE_CALL_IN_STEPS = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.dataops.steps..")
            .should()
            .callMethod(jenkins.model.Jenkins.class, "get")
            .orShould()
            .callMethod(jenkins.model.Jenkins.class, "getInstance")
            .because(
                    "steps are adapters run from the build's context; configuration goes through DataOpsConfiguration");

    @ArchTest
    static final ArchRule USE_POST_FOR_VALIDATION_END_POINTS = methods()
            .that()
            .haveNameMatching("doCheck.*|doVerify.*")
            .should()
            .beAnnotatedWith(POST.class)
            .because("form validation must not be reachable by GET (CSRF)");

    @ArchTest
    static final ArchRule ENGINE_CALLS_ONLY_THROUGH_THE_GATEWAY = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.dataops..")
            .and()
            .doNotHaveSimpleName("EngineGateway")
            .and()
            .resideOutsideOfPackage("io.jenkins.plugins.dataops.engine..")
            .should()
            .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a DataOps facade method",
                    call -> call.getTargetOwner().getFullName().equals("io.jenkins.plugins.dataops.engine.DataOps")
                            && !call.getName().equals("open")))
            .because("one class holds every facade call, so a facade change touches one file");
}
