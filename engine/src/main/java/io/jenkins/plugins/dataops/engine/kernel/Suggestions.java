package io.jenkins.plugins.dataops.engine.kernel;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the closest known word to a misspelt one, for "did you mean" hints: the one matcher behind the spec
 * loader's and the check suites' messages.
 */
public final class Suggestions {
    private Suggestions() {}

    /**
     * Returns the known word closest to the given one, if it is close enough to be a likely typo (a third of its
     * length, at least 2 edits) or an abbreviation.
     *
     * @param word  the unknown word
     * @param known the valid words
     * @return the suggestion, empty when nothing is close
     */
    public static Optional<String> closest(final String word, final Collection<String> known) {
        String lower = word.toLowerCase(Locale.ROOT);
        Optional<String> near = known.stream()
                .min(Comparator.comparingInt(k -> distance(lower, k.toLowerCase(Locale.ROOT))))
                .filter(k -> distance(lower, k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 3));
        if (near.isPresent()) {
            return near;
        }
        // A word that a known one starts (or that starts a known one) is a likely abbreviation: 'col' for 'column'.
        return known.stream()
                .filter(k -> lower.startsWith(k.toLowerCase(Locale.ROOT))
                        || k.toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() >= 3)
                .findFirst();
    }

    /**
     * Returns the hint to append to an "unknown" message.
     *
     * @param word  the unknown word
     * @param known the valid words
     * @return {@code ; did you mean 'x'?} or {@code ; valid: [a, b]}
     */
    public static String hint(final String word, final Collection<String> known) {
        return closest(word, known).map(k -> "; did you mean '" + k + "'?").orElse("; valid: " + known);
    }

    /**
     * Returns the hint to append to a message that lists the valid words itself.
     *
     * @param word  the unknown word
     * @param known the valid words
     * @return {@code  (did you mean 'x'?)}, or an empty string when nothing is close
     */
    public static String didYouMean(final String word, final Collection<String> known) {
        return closest(word, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    static int distance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
