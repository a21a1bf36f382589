package io.jenkins.plugins.dataops.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("product", "changelog", "checks", "promotion", "environments");

    @Test
    void shouldSuggestTheClosestKnownWordForATypo() {
        // Given
        String typo = "chnagelog";

        // When
        var suggestion = Suggestions.closest(typo, KEYS);

        // Then
        assertThat(suggestion).contains("changelog");
    }

    @Test
    void shouldIgnoreCaseWhenSuggesting() {
        // Given
        String typo = "ENVIRONMENT";

        // When
        var suggestion = Suggestions.closest(typo, KEYS);

        // Then
        assertThat(suggestion).contains("environments");
    }

    @Test
    void shouldSuggestNothingForAWordFarFromEveryKnownOne() {
        // Given
        String unrelated = "kubernetes";

        // When
        var suggestion = Suggestions.closest(unrelated, KEYS);

        // Then
        assertThat(suggestion).isEmpty();
    }

    @Test
    void shouldSuggestNothingWhenNothingIsKnown() {
        // Given
        List<String> known = List.of();

        // When
        var suggestion = Suggestions.closest("anything", known);

        // Then
        assertThat(suggestion).isEmpty();
    }

    @Test
    void shouldHintDidYouMeanOrListTheValidWords() {
        // Given
        List<String> providers = List.of("azure-sql", "h2", "postgres");

        // When
        String close = Suggestions.hint("postgress", providers);
        String far = Suggestions.hint("oracle-database", providers);

        // Then
        assertThat(close).isEqualTo("; did you mean 'postgres'?");
        assertThat(far).isEqualTo("; valid: [azure-sql, h2, postgres]");
    }

    @Test
    void shouldHintDidYouMeanOrNothingWhenTheMessageListsTheValidWords() {
        // Given
        List<String> severities = List.of("error", "warn");

        // When
        String close = Suggestions.didYouMean("warning", severities);
        String far = Suggestions.didYouMean("completeness", severities);

        // Then
        assertThat(close).isEqualTo(" (did you mean 'warn'?)");
        assertThat(far).isEmpty();
    }

    @Test
    void shouldTakeAnAbbreviationForTheWordItStarts() {
        // Given
        List<String> keys = List.of("table", "columns");

        // When
        var suggestion = Suggestions.closest("col", keys);

        // Then
        assertThat(suggestion).contains("columns");
    }

    @Test
    void shouldComputeTheEditDistance() {
        // Given / When / Then
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(2);
    }
}
