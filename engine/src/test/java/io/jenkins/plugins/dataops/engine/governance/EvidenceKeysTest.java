package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Older evidence spellings read as the engine's keys; records themselves are never rewritten. */
class EvidenceKeysTest {
    @Test
    void shouldReadOlderSpellingsAsTheCurrentKeys() {
        assertThat(EvidenceKeys.canonical("changesets")).isEqualTo(EvidenceKeys.CHANGE_SETS);
        assertThat(EvidenceKeys.canonical("approval")).isEqualTo(EvidenceKeys.APPROVED_BY);
        assertThat(EvidenceKeys.canonical("samples")).isEqualTo(EvidenceKeys.SAMPLE);
        assertThat(EvidenceKeys.canonical(EvidenceKeys.CHANGE_SETS)).isEqualTo(EvidenceKeys.CHANGE_SETS);
        assertThat(EvidenceKeys.canonical("ticket")).isEqualTo("ticket");
    }

    @Test
    void shouldMapAliasesAtEveryDepthAndKeepTheOrder() {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("check", "unique_email");
        check.put("samples", List.of(Map.of("email", "a@example.com")));
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("changesets", List.of(Map.of("id", "1")));
        recorded.put("checks", List.of(check));
        recorded.put("approval", "dave");

        Map<String, Object> read = EvidenceKeys.read(recorded);

        assertThat(read).containsOnlyKeys("changeSets", "checks", "approvedBy");
        assertThat(read.keySet()).containsExactly("changeSets", "checks", "approvedBy");
        assertThat(read.get("checks").toString()).contains("sample=").doesNotContain("samples=");
        assertThat(recorded).containsKey("changesets"); // the record as written is left alone
    }

    @Test
    void shouldPreferTheCurrentKeyWhenBothSpellingsAreThere() {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("approval", "mallory");
        recorded.put("approvedBy", "dave");

        assertThat(EvidenceKeys.read(recorded)).containsExactly(Map.entry("approvedBy", "dave"));
    }

    @Test
    void shouldReadHostilelyDeepEvidenceWithoutOverflowingTheStack() {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> inner = deep;
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            inner.put("samples", next);
            inner = next;
        }

        Map<String, Object> read = EvidenceKeys.read(deep);

        assertThat(read).containsOnlyKeys("sample");
    }

    @Test
    void shouldAliasOnlyToKeysThatExistAndNeverToItself() {
        assertThat(EvidenceKeys.ALIASES).allSatisfy((old, current) -> {
            assertThat(old).isNotEqualTo(current);
            assertThat(VocabularyDoc.evidenceKeys()).contains(current).doesNotContain(old);
        });
    }
}
