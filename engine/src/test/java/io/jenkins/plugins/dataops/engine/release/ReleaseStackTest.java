package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseStackTest {
    private static HistoryEntry entry(final String action, final String release, final String outcome) {
        return new HistoryEntry(0, "customer", "prod", release, "f", "c", action, outcome, "alice", "cli", 0, "{}");
    }

    @Test
    void shouldGoBackOneReleaseAtATime() {
        // Given three releases applied, then one rollback
        List<HistoryEntry> history = List.of(
                entry("migrate", "1.0.0", "success"),
                entry("promote", "1.1.0", "success"),
                entry("test", "1.1.0", "passed"),
                entry("promote", "1.2.0", "success"),
                entry("rollback", "1.1.0", "success"));

        // When
        ReleaseStack stack = ReleaseStack.of(history);

        // Then the previous release is 1.0.0, not the 1.2.0 that was rolled back
        assertThat(stack.current()).contains("1.1.0");
        assertThat(stack.previous()).contains("1.0.0");
    }

    @Test
    void shouldIgnoreFailedAndNonSchemaEntries() {
        // Given
        List<HistoryEntry> history = List.of(
                entry("migrate", "1.0.0", "success"),
                entry("migrate", "1.1.0", "failed"),
                entry("test", "1.0.0", "failed"));

        // When
        ReleaseStack stack = ReleaseStack.of(history);

        // Then
        assertThat(stack.current()).contains("1.0.0");
        assertThat(stack.previous()).isEmpty();
    }

    @Test
    void shouldBeEmptyWithoutHistory() {
        assertThat(ReleaseStack.of(List.of()).current()).isEmpty();
        assertThat(ReleaseStack.of(List.of()).previous()).isEmpty();
    }

    @Test
    void shouldNotPushTheSameReleaseTwice() {
        // Given a release migrated, then promoted to the same environment again
        ReleaseStack stack = ReleaseStack.of(List.of(
                entry("migrate", "1.0.0", "success"),
                entry("migrate", "1.1.0", "success"),
                entry("promote", "1.1.0", "success")));

        // Then
        assertThat(stack.previous()).contains("1.0.0");
    }
}
