package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/governance.md lists exactly the actions, outcomes and evidence keys the code defines. */
class GovernanceDocTest {
    @Test
    void shouldListEveryActionOfTheCode() throws IOException {
        assertThat(VocabularyDoc.rows("Actions").keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Action.values()).map(Action::wireName).toList());
    }

    @Test
    void shouldListEveryOutcomeOfTheCode() throws IOException {
        assertThat(VocabularyDoc.rows("Outcomes").keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Outcome.values()).map(Outcome::wireName).toList());
    }

    @Test
    void shouldListEveryEvidenceKeyOfTheCode() throws IOException {
        assertThat(VocabularyDoc.rows("Evidence keys").keySet())
                .containsExactlyInAnyOrderElementsOf(VocabularyDoc.evidenceKeys());
    }

    @Test
    void shouldListEveryOlderSpellingWithItsCurrentKey() throws IOException {
        assertThat(VocabularyDoc.rows("Older spellings")).containsExactlyInAnyOrderEntriesOf(EvidenceKeys.ALIASES);
    }
}
