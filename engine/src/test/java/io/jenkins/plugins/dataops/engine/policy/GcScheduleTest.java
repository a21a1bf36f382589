package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GcScheduleTest {
    private static final long MINUTE = 60_000L;

    @Test
    void shouldParseOneJobPerLineOrCommaSkippingBlanksAndRepeats() {
        assertThat(GcSchedule.parseJobs(" data/customer-gc \r\n\n orders-gc, data/customer-gc ,\n"))
                .containsExactly("data/customer-gc", "orders-gc");
        assertThat(GcSchedule.parseJobs(null)).isEmpty();
        assertThat(GcSchedule.parseJobs("  \n ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secrets", "data//gc", "/gc", "gc/", "a/./b", "gc<script>", "gc;rm", "a\\b"})
    void shouldRejectANameNoJobCanHaveNamingItAndWhatToDo(final String name) {
        assertThatThrownBy(() -> GcSchedule.parseJobs("ok-job\n" + name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("gcJobs entry '" + name + "' ")
                .hasMessageEndingWith("; give the full name of a job, such as 'folder/gc-job'.");
    }

    @Test
    void shouldRejectAControlCharacterWithoutEchoingIt() {
        assertThatThrownBy(() -> GcSchedule.requireJobName("gc\u0007job"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gcJobs entry 'gc?job'")
                .hasMessageContaining("U+0007");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, GcSchedule.MAX_INTERVAL_MINUTES + 1, Integer.MIN_VALUE})
    void shouldRejectAnIntervalOutOfRangeSayingTheRange(final int minutes) {
        assertThatThrownBy(() -> GcSchedule.requireInterval(minutes))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("gcIntervalMinutes " + minutes + " is out of range; use 0 (off) or 1 to 10080 minutes.");
    }

    @Test
    void shouldAcceptTheBoundsOfTheInterval() {
        assertThat(GcSchedule.requireInterval(0)).isZero();
        assertThat(GcSchedule.requireInterval(1)).isEqualTo(1);
        assertThat(GcSchedule.requireInterval(GcSchedule.MAX_INTERVAL_MINUTES)).isEqualTo(10080);
    }

    @Test
    void shouldBeDueWhenNeverRunOrWhenTheIntervalHasPassed() {
        GcSchedule schedule = new GcSchedule(List.of("gc"), 30);

        assertThat(schedule.isDue(-1, 0)).isTrue();
        assertThat(schedule.isDue(0, 30 * MINUTE - 1)).isFalse();
        assertThat(schedule.isDue(0, 30 * MINUTE)).isTrue();
    }

    @Test
    void shouldNeverBeDueWhenOffOrWithoutJobs() {
        assertThat(new GcSchedule(List.of("gc"), 0).isDue(-1, Long.MAX_VALUE)).isFalse();
        assertThat(new GcSchedule(List.of(), 5).isDue(-1, Long.MAX_VALUE)).isFalse();
        assertThat(GcSchedule.OFF.isDue(-1, 0)).isFalse();
    }

    @Test
    void shouldCheckBothValuesWhenCreated() {
        assertThatThrownBy(() -> new GcSchedule(List.of("../x"), 5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new GcSchedule(List.of("gc"), -5)).isInstanceOf(InvalidInputException.class);
        assertThat(new GcSchedule(List.of("gc", "gc"), 5).jobs()).containsExactly("gc");
    }
}
