package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFlatteningTest {
    private static GovernanceRecord record(final String actor, final Map<String, Object> evidence) {
        return RecordCodec.chain(
                null,
                new GovernanceEvent(actor, Action.MIGRATE, "customer", "dev", "", Outcome.SUCCESS, "cli", evidence),
                1L);
    }

    @Test
    void shouldMaskOnlyWholeSecretValues() {
        // Given a username 'sa' and a password among the secrets
        Map<String, Object> evidence = Map.of(
                "table", "sales", "user", "sa", "nested", List.of(Map.of("pw", "s3cret!", "note", "s3cret! inside")));

        // When
        GovernanceRecord masked = RecordFlattening.masked(record("sa", evidence), List.of("sa", "s3cret!", " "));

        // Then
        assertThat(masked.event().actor()).isEqualTo("****");
        assertThat(masked.event().evidence())
                .containsEntry("table", "sales")
                .containsEntry("user", "****")
                .containsEntry("nested", List.of(Map.of("pw", "****", "note", "s3cret! inside")));
    }

    @Test
    void shouldKeepTheHashSoTheRecordIsRechainedBeforeItIsStored() {
        GovernanceRecord original = record("alice", Map.of("user", "sa"));
        assertThat(RecordFlattening.masked(original, List.of("sa")).hash()).isEqualTo(original.hash());
    }

    @Test
    void shouldFlattenToPlainValues() {
        // Given
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("count", 3L);
        evidence.put("ratio", new BigDecimal("0.5"));
        evidence.put("when", java.time.Instant.EPOCH);
        evidence.put("none", null);
        evidence.put("ok", true);

        // When
        LinkedHashMap<String, Object> plain = RecordFlattening.plain(evidence);

        // Then
        assertThat(plain)
                .containsEntry("count", 3L)
                .containsEntry("ratio", "0.5")
                .containsEntry("when", "1970-01-01T00:00:00Z")
                .containsEntry("none", null)
                .containsEntry("ok", true);
    }
}
