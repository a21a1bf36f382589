package io.jenkins.plugins.dataops.engine.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the engine free of Jenkins and CLI types, and Liquibase inside its adapter package. */
@AnalyzeClasses(packages = "io.jenkins.plugins.dataops.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
    @ArchTest
    static final ArchRule ENGINE_IS_FRAMEWORK_FREE = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "picocli..")
            .because("the engine must run unchanged from the CLI, Jenkins and tests");

    @ArchTest
    static final ArchRule LIQUIBASE_STAYS_IN_ITS_ADAPTER = noClasses()
            .that()
            .resideOutsideOfPackage("io.jenkins.plugins.dataops.engine.migrate.liquibase..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("liquibase..")
            .because("Liquibase sits behind the SchemaMigrator port");

    @ArchTest
    static final ArchRule AZURE_SDK_STAYS_IN_ITS_PROVIDER = noClasses()
            .that()
            .resideOutsideOfPackage("io.jenkins.plugins.dataops.engine.provision.azure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.azure..")
            .because("the Azure SDK sits behind the Provisioner port");
}
