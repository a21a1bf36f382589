package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
    private final List<GovernanceRecord> records = ReportFixtures.sample();

    @Test
    void shouldAcceptEverythingWhenUnrestricted() {
        RecordFilter filter = RecordFilter.all();

        assertThat(records).allMatch(filter);
        assertThat(filter.isUnrestricted()).isTrue();
        assertThat(filter.describe()).isEqualTo("all records");
    }

    @Test
    void shouldKeepEnvironmentsActionsOutcomesActorsAndProducts() {
        assertThat(sequences(RecordFilter.all().withEnvironments(List.of("prod"))))
                .containsExactly(7L, 11L);
        assertThat(sequences(RecordFilter.all().withActions(List.of("rollback"))))
                .containsExactly(10L);
        assertThat(sequences(RecordFilter.all().withOutcomes(List.of("failed", "refused"))))
                .containsExactly(6L, 11L);
        assertThat(sequences(RecordFilter.all().withActors(List.of("carol")))).containsExactly(7L, 11L);
        assertThat(sequences(RecordFilter.all().withProducts(List.of(ReportFixtures.HOSTILE_PRODUCT))))
                .containsExactly(13L);
        assertThat(sequences(RecordFilter.all().withEnvironments(List.of("qat")).withActors(List.of("bob"))))
                .containsExactly(4L, 6L, 10L);
    }

    @Test
    void shouldKeepATimeRangeWithInclusiveStartAndExclusiveEnd() {
        Instant fourth = Instant.ofEpochMilli(records.get(3).timeMillis());
        Instant seventh = Instant.ofEpochMilli(records.get(6).timeMillis());

        RecordFilter filter = RecordFilter.all().since(fourth).until(seventh);

        assertThat(sequences(filter)).containsExactly(4L, 5L, 6L);
        assertThat(filter.describe()).isEqualTo("since " + fourth + "; until " + seventh);
    }

    @Test
    void shouldFindTextIgnoringCase() {
        assertThat(sequences(RecordFilter.all().containing("  PR-42 "))).containsExactly(8L, 9L, 12L);
        assertThat(sequences(RecordFilter.all().containing("1.4.2"))).containsExactly(5L, 6L, 11L);
    }

    @Test
    void shouldParseDatesAndTimes() {
        assertThat(RecordFilter.parseTime("2024-05-01")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(RecordFilter.parseTime("2024-05-01T10:00:00Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(RecordFilter.parseTime("2024-05-01T12:00:00+02:00"))
                .isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void shouldRejectAnUnreadableTime() {
        assertThatThrownBy(() -> RecordFilter.parseTime("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'")
                .hasMessageContaining("2024-05-01");
    }

    @Test
    void shouldBeAValue() {
        RecordFilter prod = RecordFilter.all().withEnvironments(List.of("prod"));

        assertThat(prod)
                .isEqualTo(RecordFilter.all().withEnvironments(List.of("prod")))
                .hasSameHashCodeAs(RecordFilter.all().withEnvironments(List.of("prod")))
                .isNotEqualTo(RecordFilter.all())
                .hasToString("RecordFilter[environment prod]");
        assertThat(prod.isUnrestricted()).isFalse();
        assertThat(RecordFilter.all().withEnvironments(List.of())).isEqualTo(RecordFilter.all());
    }

    @Test
    void shouldFilterASource() {
        RecordSource source = RecordSource.of(records).filter(RecordFilter.all().withActions(List.of("promote")));
        List<Long> seen = new java.util.ArrayList<>();

        source.forEach(record -> seen.add(record.sequence()));

        assertThat(seen).containsExactly(4L, 6L, 7L, 11L);
    }

    private List<Long> sequences(final Predicate<GovernanceRecord> filter) {
        return records.stream().filter(filter).map(GovernanceRecord::sequence).toList();
    }
}
