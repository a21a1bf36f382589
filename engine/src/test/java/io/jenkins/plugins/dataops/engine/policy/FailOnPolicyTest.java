package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.policy.FailOnPolicy.Verdict;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailOnPolicyTest {
    @ParameterizedTest
    @CsvSource({
        "error, 0, 0, PASSED",
        "error, 0, 2, UNSTABLE",
        "error, 1, 0, FAILED",
        "warning, 0, 1, FAILED",
        "warning, 0, 0, PASSED",
        "never, 3, 1, UNSTABLE",
        "never, 0, 0, PASSED"
    })
    void shouldGiveTheVerdictForTheCounts(
            final String failOn, final long errors, final long warnings, final Verdict v) {
        assertThat(FailOnPolicy.parse(failOn).verdict(errors, warnings)).isEqualTo(v);
    }

    @Test
    void shouldDefaultToErrorForBlank() {
        assertThat(FailOnPolicy.parse(" ")).isEqualTo(FailOnPolicy.ERROR);
        assertThat(FailOnPolicy.parse(null)).isEqualTo(StepDefaults.FAIL_ON);
    }

    @Test
    void shouldRejectAnUnknownWordNamingTheChoices() {
        assertThatThrownBy(() -> FailOnPolicy.parse("warn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("failOn 'warn' is unknown; use one of [error, warning, never].");
    }

    @Test
    void shouldMapToTheEngineBreachRule() {
        assertThat(FailOnPolicy.WARNING.engineFailOn()).isEqualTo(FailOn.WARN);
        assertThat(FailOnPolicy.NEVER.engineFailOn()).isEqualTo(FailOn.ERROR);
    }

    @Test
    void shouldPreferTheStepSpecThenTheAdministratorsDefault() {
        assertThat(StepDefaults.spec(" sub/dataops.yaml ", "admin.yaml")).isEqualTo("sub/dataops.yaml");
        assertThat(StepDefaults.spec(null, "admin.yaml")).isEqualTo("admin.yaml");
        assertThat(StepDefaults.spec("", " ")).isEqualTo("dataops.yaml");
    }
}
