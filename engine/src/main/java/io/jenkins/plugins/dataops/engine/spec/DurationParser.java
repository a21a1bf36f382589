package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written the way people write them in YAML: {@code 30m}, {@code 4h}, {@code 7d}, {@code 90s}. */
public final class DurationParser {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([smhd])");

    private DurationParser() {}

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 4h}
     * @return the duration
     * @throws InvalidInputException when the text is not a number followed by s, m, h or d
     */
    public static Duration parse(final String text) {
        Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException(
                    "Duration '%s' is not valid; write a number followed by s, m, h or d, e.g. '4h'.".formatted(text));
        }
        // the longest duration anyone means (a retention, a TTL) is years; more digits overflow Duration
        if (m.group(1).length() > 9) {
            throw new InvalidInputException(
                    "Duration '%s' is too large; write at most 9 digits, e.g. '3650d'.".formatted(text));
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
