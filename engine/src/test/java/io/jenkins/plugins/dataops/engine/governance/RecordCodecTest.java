package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final long TIME = 1_740_000_000_000L;

    @Test
    void shouldWriteTheSameBytesForTheSameRecord() {
        // Given
        GovernanceRecord first = RecordCodec.chain(null, event(evidence("z", "a")), TIME);
        GovernanceRecord same = RecordCodec.chain(null, event(evidence("z", "a")), TIME);

        // When
        String json = RecordCodec.toJson(first);

        // Then
        assertThat(json).isEqualTo(RecordCodec.toJson(same));
        assertThat(first.hash()).isEqualTo(same.hash());
    }

    @Test
    void shouldSortEveryObjectsKeysWhateverTheInsertionOrder() {
        // Given
        GovernanceRecord zFirst = RecordCodec.chain(null, event(evidence("z", "a")), TIME);
        GovernanceRecord aFirst = RecordCodec.chain(null, event(evidence("a", "z")), TIME);

        // When
        String json = RecordCodec.toJson(zFirst);

        // Then
        assertThat(json).isEqualTo(RecordCodec.toJson(aFirst));
        assertThat(zFirst.hash()).isEqualTo(aFirst.hash());
        assertThat(json)
                .startsWith(
                        "{\"action\":\"migrate\",\"actor\":\"alice\",\"buildRef\":\"cli\",\"environment\":"
                                + "\"dev\",\"evidence\":{\"a\":\"value-of-a\",\"nested\":{\"x\":1,\"y\":2},\"z\":\"value-of-z\"},")
                .contains(",\"hash\":\"" + zFirst.hash() + "\",\"outcome\":\"success\",\"prev\":\"")
                .endsWith(",\"product\":\"customer\",\"release\":\"1.1.0\",\"sequence\":1,\"time\":" + TIME + "}")
                .doesNotContain(" ", "\n");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        // Given
        GovernanceRecord first = RecordCodec.chain(null, event(evidence("z", "a")), TIME);
        GovernanceRecord record = RecordCodec.chain(first, event(Map.of("list", List.of(1, "two", true))), TIME + 1);

        // When
        GovernanceRecord read = RecordCodec.fromJson(RecordCodec.toJson(record));

        // Then
        assertThat(read).isEqualTo(record);
        assertThat(RecordCodec.hash(read)).isEqualTo(record.hash());
    }

    @Test
    void shouldHashEverythingButTheHashField() {
        // Given
        GovernanceRecord record = RecordCodec.chain(null, event(evidence("a", "z")), TIME);
        GovernanceRecord otherHash = new GovernanceRecord(
                record.sequence(), record.timeMillis(), record.event(), record.prev(), "f".repeat(64));
        GovernanceRecord otherTime =
                new GovernanceRecord(record.sequence(), TIME + 1, record.event(), record.prev(), record.hash());

        // When
        String hash = RecordCodec.hash(otherHash);

        // Then
        assertThat(hash).isEqualTo(record.hash());
        assertThat(RecordCodec.hash(otherTime)).isNotEqualTo(record.hash());
    }

    @Test
    void shouldChainTheFirstRecordToTheGenesisAndTheNextToItsPredecessor() {
        // Given
        GovernanceRecord first = RecordCodec.chain(null, event(Map.of()), TIME);

        // When
        GovernanceRecord second = RecordCodec.chain(first, event(Map.of()), TIME);

        // Then
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.prev()).isEqualTo("0".repeat(64));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.prev()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void shouldRefuseTextThatIsNotJson() {
        // Given
        String text = "{\"sequence\":1,\"actor\":";

        // When / Then
        assertThatThrownBy(() -> RecordCodec.fromJson(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a governance record");
    }

    @Test
    void shouldRefuseARecordWithoutAField() {
        // Given
        String json = RecordCodec.toJson(RecordCodec.chain(null, event(Map.of()), TIME))
                .replace("\"actor\"", "\"actress\"");

        // When / Then
        assertThatThrownBy(() -> RecordCodec.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'actor' is missing or not text");
    }

    @Test
    void shouldRefuseASequenceThatIsNotANumber() {
        // Given
        String json = RecordCodec.toJson(RecordCodec.chain(null, event(Map.of()), TIME))
                .replace("\"sequence\":1", "\"sequence\":\"one\"");

        // When / Then
        assertThatThrownBy(() -> RecordCodec.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'sequence' is missing or not a number");
    }

    private static GovernanceEvent event(final Map<String, Object> evidence) {
        return new GovernanceEvent(
                "alice", Action.MIGRATE, "customer", "dev", "1.1.0", Outcome.SUCCESS, "cli", evidence);
    }

    private static Map<String, Object> evidence(final String firstKey, final String secondKey) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put(firstKey.equals("z") ? "y" : "x", firstKey.equals("z") ? 2 : 1);
        nested.put(firstKey.equals("z") ? "x" : "y", firstKey.equals("z") ? 1 : 2);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(firstKey, "value-of-" + firstKey);
        evidence.put("nested", nested);
        evidence.put(secondKey, "value-of-" + secondKey);
        return evidence;
    }
}
