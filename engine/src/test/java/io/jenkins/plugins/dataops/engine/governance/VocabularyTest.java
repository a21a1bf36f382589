package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The wire names of actions and outcomes are what ledgers already hold; unknown texts still classify. */
class VocabularyTest {
    @Test
    void shouldKeepTheWireNamesThatExistingLedgersHold() {
        assertThat(Arrays.stream(Action.values()).map(Action::wireName))
                .containsExactly(
                        "provision",
                        "destroy",
                        "ephemeral-create",
                        "ephemeral-destroy",
                        "migrate",
                        "test",
                        "promote",
                        "promote-verification",
                        "rollback",
                        "release-lock",
                        "drift");
        assertThat(Arrays.stream(Outcome.values()).map(Outcome::wireName))
                .containsExactly(
                        "success", "passed", "failed", "refused", "clean", "drifted", "intent", "interrupted", "error");
    }

    @Test
    void shouldFindAnActionByItsWireNameOnly() {
        assertThat(Action.fromWire("ephemeral-create")).contains(Action.EPHEMERAL_CREATE);
        assertThat(Action.fromWire("EPHEMERAL_CREATE")).isEmpty();
        assertThat(Action.fromWire("archive")).isEmpty();
        assertThat(Action.PROMOTE.matches("promote")).isTrue();
        assertThat(Action.PROMOTE.matches("promote-verification")).isFalse();
        assertThat(Action.ROLLBACK).hasToString("rollback");
    }

    @Test
    void shouldClassifyOutcomesIncludingTextsThisEngineNeverWrites() {
        assertThat(Outcome.kindOf("success")).isEqualTo(Outcome.Kind.OK);
        assertThat(Outcome.kindOf("passed")).isEqualTo(Outcome.Kind.OK);
        assertThat(Outcome.kindOf("refused")).isEqualTo(Outcome.Kind.FAILURE);
        assertThat(Outcome.kindOf(" FAILED ")).isEqualTo(Outcome.Kind.FAILURE);
        assertThat(Outcome.kindOf("fail")).isEqualTo(Outcome.Kind.FAILURE);
        assertThat(Outcome.kindOf("error")).isEqualTo(Outcome.Kind.FAILURE);
        assertThat(Outcome.kindOf("warn")).isEqualTo(Outcome.Kind.WARNING);
        assertThat(Outcome.kindOf("skipped")).isEqualTo(Outcome.Kind.WARNING);
        assertThat(Outcome.kindOf("something new")).isEqualTo(Outcome.Kind.OK);
        assertThat(Outcome.kindOf("")).isEqualTo(Outcome.Kind.OK);
        assertThat(Outcome.Kind.FAILURE.cssClass()).isEqualTo("dor-fail");
        assertThat(Outcome.fromWire("refused")).contains(Outcome.REFUSED);
        assertThat(Outcome.fromWire("error")).contains(Outcome.ERROR);
        assertThat(Outcome.kindOf("intent")).isEqualTo(Outcome.Kind.WARNING);
        assertThat(Outcome.kindOf("interrupted")).isEqualTo(Outcome.Kind.FAILURE);
        assertThat(Outcome.fromWire("aborted")).isEmpty();
    }
}
