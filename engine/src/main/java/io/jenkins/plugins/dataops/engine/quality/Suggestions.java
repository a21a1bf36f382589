package io.jenkins.plugins.dataops.engine.quality;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints for suite messages, in the suites' wording; the matching is the spec loader's. */
final class Suggestions {
    private Suggestions() {}

    static Optional<String> closest(final String word, final Collection<String> candidates) {
        return io.jenkins.plugins.dataops.engine.spec.Suggestions.closest(word, candidates);
    }

    /**
     * Returns a hint sentence part, e.g. {@code  (did you mean 'column'?)}.
     *
     * @param word       the unknown word
     * @param candidates the known words
     * @return the hint, or an empty string
     */
    static String hint(final String word, final Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
    }
}
