package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentPolicyTest {
    private static final EnvironmentRule PR = new EnvironmentRule("pr-*", List.of("azure-sp"), false, List.of());
    private static final EnvironmentRule PROD =
            new EnvironmentRule("prod", EnvironmentRule.split("pg-prod, pg-read"), true, List.of("dba"));
    private static final EnvironmentPolicy POLICY = new EnvironmentPolicy(List.of(PROD, PR));

    private static SpecFacts facts(final String environment, final String... ids) {
        return new SpecFacts(Map.of(environment, List.of(ids)), Set.of());
    }

    @Test
    void shouldMatchGlobPatternsOnlyAsAWhole() {
        assertThat(PR.matches("pr-42")).isTrue();
        assertThat(PR.matches("xpr-42")).isFalse();
        assertThat(PROD.matches("production")).isFalse();
        assertThat(new EnvironmentRule("*", List.of(), false, List.of()).matches("anything"))
                .isTrue();
    }

    @Test
    void shouldTreatRegexCharactersLiterally() {
        assertThat(new EnvironmentRule("a-*", List.of(), false, List.of()).matches("a-b"))
                .isTrue();
        assertThat(EnvironmentRule.problemWith("p.*")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Prod", "prod env", "9prod", "pr-[0-9]", "a-very-long-environment-name-beyond-forty-c"})
    void shouldRejectPatternsTheEngineWouldNotName(final String pattern) {
        assertThat(EnvironmentRule.problemWith(pattern)).isPresent();
        assertThatThrownBy(() -> new EnvironmentRule(pattern, List.of(), false, List.of()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldDenyCredentialsWhenNoRuleMatches() {
        assertThatThrownBy(() -> POLICY.allowedIds(facts("dev", "pg-prod")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        "Credentials id 'pg-prod' is not allowed in environment 'dev': no environment rule");
    }

    @Test
    void shouldDenyAnIdTheRuleDoesNotList() {
        assertThatThrownBy(() -> POLICY.allowedIds(facts("pr-7", "pg-prod")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rule 'pr-*' allows only [azure-sp]");
    }

    @Test
    void shouldDenyEverythingForARuleWithoutIds() {
        EnvironmentPolicy policy =
                new EnvironmentPolicy(List.of(new EnvironmentRule("dev", List.of(), false, List.of())));
        assertThatThrownBy(() -> policy.allowedIds(facts("dev", "x"))).isInstanceOf(InvalidInputException.class);
        assertThat(policy.allowedIds(facts("dev"))).isEmpty();
    }

    @Test
    void shouldAllowListedIdsOnceEachAndTheAnyEntry() {
        assertThat(POLICY.allowedIds(facts("prod", "pg-prod", "pg-read", "pg-prod")))
                .containsExactly("pg-prod", "pg-read");
        EnvironmentPolicy any =
                new EnvironmentPolicy(List.of(new EnvironmentRule("dev", List.of("*"), false, List.of())));
        assertThat(any.allowedIds(facts("dev", "whatever"))).containsExactly("whatever");
    }

    @Test
    void shouldLetTheSpecMakeAnEnvironmentStricterNeverLooser() {
        assertThat(POLICY.isProtected("prod", false)).isTrue();
        assertThat(POLICY.isProtected("pr-1", true)).isTrue();
        assertThat(POLICY.isProtected("pr-1", false)).isFalse();
        assertThat(POLICY.isProtected("unknown", false)).isFalse();
    }

    @Test
    void shouldUseTheFirstMatchingRule() {
        EnvironmentPolicy policy =
                new EnvironmentPolicy(List.of(PROD, new EnvironmentRule("*", List.of(), false, List.of("all"))));
        assertThat(policy.approverGroups("prod")).containsExactly("dba");
        assertThat(policy.approverGroups("qa")).containsExactly("all");
    }
}
