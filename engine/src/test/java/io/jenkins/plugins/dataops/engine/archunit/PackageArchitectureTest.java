package io.jenkins.plugins.dataops.engine.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URL;
import java.util.Objects;

/**
 * Keeps the engine's package graph a DAG: every dependency between engine packages follows an arrow of
 * {@code design.puml}, and no two packages depend on each other, directly or around a loop.
 */
@AnalyzeClasses(packages = PackageArchitectureTest.ENGINE, importOptions = ImportOption.DoNotIncludeTests.class)
class PackageArchitectureTest {
    static final String ENGINE = "io.jenkins.plugins.dataops.engine";

    private static final URL DESIGN =
            Objects.requireNonNull(PackageArchitectureTest.class.getResource("/design.puml"), "design.puml");

    @ArchTest
    static final ArchRule PACKAGES_FOLLOW_THE_DESIGN = classes()
            .should(adhereToPlantUmlDiagram(DESIGN, consideringOnlyDependenciesInDiagram()))
            .because("design.puml draws the allowed arrows between the engine's packages");

    @ArchTest
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices().assignedFrom(new EachEnginePackage())
            .should()
            .beFreeOfCycles()
            .because("a cycle ties packages together so that none can be understood, tested or moved alone");

    /**
     * One slice per engine package, the facade's own package included (a {@code engine.(**)} pattern would leave
     * the facade out, so a cycle through it would pass unseen).
     */
    private static final class EachEnginePackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(final JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(ENGINE) || name.startsWith(ENGINE + ".")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of the engine";
        }
    }
}
