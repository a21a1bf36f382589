package io.jenkins.plugins.dataops.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InputLimits;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@link SpecLoader#parseDeclarations}: the controller's parse of text it read itself, with no file access. */
class SpecDeclarationsTest {
    private static final String SPEC = """
            product: customer
            changelog: db/changelog.yaml
            environments:
              dev: { provider: h2 }
              prod: { provider: postgres, url: 'jdbc:postgresql://db/x', credentials: pg-prod, protected: true }
            """;

    @Test
    void shouldReadTheDeclarationsWithoutLookingForTheFilesTheSpecNames() {
        // When (no changelog exists anywhere: only the text is read)
        DataProductSpec spec = SpecLoader.parseDeclarations("ci/dataops.yaml", SPEC);

        // Then
        assertThat(spec.product()).isEqualTo("customer");
        assertThat(spec.environments()).containsOnlyKeys("dev", "prod");
        assertThat(spec.environment("prod").isProtected()).isTrue();
        assertThat(spec.environment("prod").optionalString("credentials")).contains("pg-prod");
    }

    @Test
    void shouldNameTheSpecAndTheLineOfEveryProblem() {
        // Given
        String text = SPEC + """
                  qat: { provider: h2, credentails: qat-db }
                lockTimeout: soon
                """;

        // Then
        assertThatThrownBy(() -> SpecLoader.parseDeclarations("ci/dataops.yaml", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid spec 'ci/dataops.yaml' (2 problems)")
                .hasMessageContaining("line 6:")
                .hasMessageContaining("'credentails'")
                .hasMessageContaining("in environment 'qat'")
                .hasMessageContaining("line 7:")
                .hasMessageContaining("lockTimeout");
    }

    @Test
    void shouldNameTheSpecWhenItIsNotYaml() {
        assertThatThrownBy(() -> SpecLoader.parseDeclarations("dataops.yaml", "product: [unclosed\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Spec 'dataops.yaml' is not valid YAML:");
    }

    @Test
    void shouldRefuseAnEmptySpec() {
        assertThatThrownBy(() -> SpecLoader.parseDeclarations("dataops.yaml", "# nothing\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Spec 'dataops.yaml' is empty; declare at least product, changelog and environments.");
    }

    @Test
    void shouldRefuseTextLargerThanTheSpecLimitBeforeParsingIt() {
        // Given: larger than the limit, and not even YAML
        String huge = "[".repeat((int) InputLimits.SPEC_BYTES + 1);

        // Then
        assertThatThrownBy(() -> SpecLoader.parseDeclarations("big.yaml", huge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Spec 'big.yaml' is " + (InputLimits.SPEC_BYTES + 1) + " bytes")
                .hasMessageContaining("more than the limit of " + InputLimits.SPEC_BYTES);
    }

    @Test
    void shouldStillRefuseAUrlThatCarriesAPasswordWithoutShowingIt() {
        // Given
        String text = SPEC.replace("jdbc:postgresql://db/x", "jdbc:postgresql://db/x?password=hunter2");

        // Then
        assertThatThrownBy(() -> SpecLoader.parseDeclarations("dataops.yaml", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 5:")
                .hasMessageContaining("must not carry a password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldRefuseANameThatIsNoPath() {
        assertThatThrownBy(() -> SpecLoader.parseDeclarations("bad\0name", SPEC))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a valid path");
    }
}
