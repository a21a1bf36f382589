package io.jenkins.plugins.dataops.engine.quality;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known word for a misspelt one, for "did you mean" hints. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * Returns the candidate closest to a word, when it is close enough to be a plausible typo.
     *
     * @param word       the unknown word
     * @param candidates the known words
     * @return the closest candidate within a distance of a third of its length (at least 2), else a candidate
     *         that is a prefix of the word or starts with it, or empty
     */
    static Optional<String> closest(final String word, final Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
            return Optional.of(best);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(c -> lower.startsWith(c.toLowerCase(Locale.ROOT))
                || c.toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() >= 3).findFirst();
    }

    /**
     * Returns a hint sentence part, e.g. {@code  (did you mean 'column'?)}.
     *
     * @param word       the unknown word
     * @param candidates the known words
     * @return the hint, or an empty string
     */
    static String hint(final String word, final Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /**
     * The Levenshtein distance of two words.
     *
     * @param a a word
     * @param b another word
     * @return the number of single-character edits between them
     */
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
