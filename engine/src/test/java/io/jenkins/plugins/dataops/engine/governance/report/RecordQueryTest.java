package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordQueryTest {
    private static final IndexRow ROW = new IndexRow(
            "team/customer",
            7,
            3,
            Instant.parse("2024-05-01T10:00:00Z").toEpochMilli(),
            "customer",
            "prod",
            "promote",
            "1.4.2",
            "refused",
            "Carol.Smith",
            "https://ci/job/team/job/customer/7/");

    @Test
    void shouldTakeDefaultsWhenNoParameterIsGiven() {
        RecordQuery query = RecordQuery.parse(Map.of());

        assertThat(query).isEqualTo(RecordQuery.newest());
        assertThat(query.limit()).isEqualTo(RecordQuery.DEFAULT_LIMIT);
        assertThat(query.matches(ROW)).isTrue();
    }

    @Test
    void shouldMatchEnvironmentActionAndOutcomeExactlyAndActorInPart() {
        assertThat(RecordQuery.parse(Map.of("env", "prod", "action", "promote", "outcome", "refused"))
                        .matches(ROW))
                .isTrue();
        assertThat(RecordQuery.parse(Map.of("env", "pro")).matches(ROW)).isFalse();
        assertThat(RecordQuery.parse(Map.of("actor", "carol")).matches(ROW)).isTrue();
        assertThat(RecordQuery.parse(Map.of("actor", "bob")).matches(ROW)).isFalse();
    }

    @Test
    void shouldSearchTextOverJobAndEveryIndexedFieldIgnoringCase() {
        assertThat(RecordQuery.parse(Map.of("q", "TEAM/CUST")).matches(ROW)).isTrue();
        assertThat(RecordQuery.parse(Map.of("q", "1.4.2")).matches(ROW)).isTrue();
        assertThat(RecordQuery.parse(Map.of("q", "job/customer/7")).matches(ROW))
                .isTrue();
        assertThat(RecordQuery.parse(Map.of("q", "rollback")).matches(ROW)).isFalse();
    }

    @Test
    void shouldIncludeTheWholeDayOfADateAndTreatATimeAsExact() {
        assertThat(RecordQuery.parse(Map.of("from", "2024-05-01", "to", "2024-05-01"))
                        .matches(ROW))
                .isTrue();
        assertThat(RecordQuery.parse(Map.of("to", "2024-04-30")).matches(ROW)).isFalse();
        assertThat(RecordQuery.parse(Map.of("from", "2024-05-02")).matches(ROW)).isFalse();
        assertThat(RecordQuery.parse(Map.of("to", "2024-05-01T10:00:00Z")).matches(ROW))
                .isFalse();
        assertThat(RecordQuery.parse(Map.of("from", "2024-05-01T10:00:00Z")).matches(ROW))
                .isTrue();
    }

    @Test
    void shouldRejectAnUnknownParameterNamingItAndTheAcceptedOnes() {
        assertThatThrownBy(() -> RecordQuery.parse(Map.of("enviroment", "prod")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameter 'enviroment'; use only action, actor, env, from, limit, offset,"
                        + " outcome, q, to.");
    }

    @Test
    void shouldRejectALimitOutsideItsRangeSoOneRequestCannotLoadEveryBuild() {
        assertThatThrownBy(() -> RecordQuery.parse(Map.of("limit", "100000")))
                .hasMessage("Parameter 'limit' is '100000'; give a whole number from 1 to 500.");
        assertThatThrownBy(() -> RecordQuery.parse(Map.of("limit", "0"))).hasMessageContaining("'limit' is '0'");
        assertThatThrownBy(() -> RecordQuery.parse(Map.of("offset", "-1"))).hasMessageContaining("'offset' is '-1'");
        assertThatThrownBy(() -> RecordQuery.parse(Map.of("offset", "ten")))
                .hasMessageContaining("'offset' is 'ten'; give a whole number");
    }

    @Test
    void shouldRejectATimeThatIsNotOneAndShortenAHostileValue() {
        String hostile = "<script>".repeat(20);

        assertThatThrownBy(() -> RecordQuery.parse(Map.of("from", hostile)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Parameter 'from' is '" + hostile.substring(0, 40) + "...'")
                .hasMessageEndingWith("give a date like '2024-05-01' or a time like '2024-05-01T10:00:00Z'.");
    }
}
