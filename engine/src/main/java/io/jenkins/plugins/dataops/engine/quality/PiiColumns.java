package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which columns of a suite's sample rows hold personal data and are masked: those the suite marks
 * {@code pii: true}, and those whose name matches one of the {@link #DEFAULT_PATTERNS} unless the suite says
 * {@code pii: false} for them. Names compare without case, so {@code EMAIL} (H2's upper case) is {@code email}.
 *
 * @param declared what the suite says, lower-case column name to {@code true} (mask) or {@code false} (show)
 */
public record PiiColumns(Map<String, Boolean> declared) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The column-name patterns masked by default ({@code *} is any run of characters; the whole name must
     * match). Listed in docs/checks.md; they err on the side of masking, since a column wrongly shown cannot be
     * taken back from a build log, and a column wrongly masked costs one {@code pii: false}.
     */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "*email*",
            "*e_mail*",
            "*phone*",
            "*mobile*",
            "*name",
            "*birth*",
            "dob",
            "ssn",
            "*_ssn",
            "*social_security*",
            "*national_id*",
            "*passport*",
            "*tax_id*",
            "*iban*",
            "*card_number*",
            "*address*",
            "*street*",
            "*postcode*",
            "*postal_code*",
            "*zip*");

    private static final List<Pattern> DEFAULTS =
            DEFAULT_PATTERNS.stream().map(PiiColumns::glob).toList();

    /** Copies the declarations, with lower-case names. */
    public PiiColumns {
        Map<String, Boolean> copy = new LinkedHashMap<>();
        declared.forEach((column, pii) -> copy.put(column.toLowerCase(Locale.ROOT), pii));
        declared = Map.copyOf(copy);
    }

    /**
     * Returns the default masking alone, for a suite that declares nothing.
     *
     * @return the defaults
     */
    public static PiiColumns defaults() {
        return new PiiColumns(Map.of());
    }

    /**
     * Tells whether a column's values are masked.
     *
     * @param column the column name or label, as the database returns it
     * @return true when the suite marks it, or when its name matches a default pattern and the suite does not
     *     unmark it
     */
    public boolean isPii(final String column) {
        String name = column.toLowerCase(Locale.ROOT);
        Boolean said = declared.get(name);
        if (said != null) {
            return said;
        }
        return DEFAULTS.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern glob(final String pattern) {
        return Pattern.compile(java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
    }
}
