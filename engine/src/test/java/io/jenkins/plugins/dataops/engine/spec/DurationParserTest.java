package io.jenkins.plugins.dataops.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {
    @ParameterizedTest(name = "{0} = {1} seconds")
    @CsvSource({"90s, 90", "30m, 1800", "4h, 14400", "7d, 604800", "' 2 H ', 7200"})
    void shouldParseDurationsAsPeopleWriteThem(final String text, final long seconds) {
        // Given / When
        Duration duration = DurationParser.parse(text);

        // Then
        assertThat(duration).hasSeconds(seconds);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "4", "h", "4 hours", "-1h", "1.5h", "4w"})
    void shouldRefuseAnythingElse(final String text) {
        // Given / When / Then
        assertThatThrownBy(() -> DurationParser.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Duration '" + text + "' is not valid");
    }
}
