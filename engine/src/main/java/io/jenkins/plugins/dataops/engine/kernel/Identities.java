package io.jenkins.plugins.dataops.engine.kernel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Compares and checks the names people act under (actors, approvers, requesters). Two names are the same person
 * when their skeletons are equal: NFKC (fullwidth letters become ASCII, NBSP a space), case folding, no blanks,
 * no default-ignorable code points (zero-width space and joiners, soft hyphen, BOM, variation selectors), and the
 * common Cyrillic and Greek look-alikes of Latin letters mapped to those letters. A look-alike approver is thus
 * refused as self-approval instead of passing as someone else.
 */
public final class Identities {
    /** Cyrillic and Greek letters that render like Latin ones (after lower-casing), from Unicode's confusables. */
    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('в', 'b'),
            Map.entry('с', 'c'),
            Map.entry('ԁ', 'd'),
            Map.entry('е', 'e'),
            Map.entry('ё', 'e'),
            Map.entry('һ', 'h'),
            Map.entry('і', 'i'),
            Map.entry('ї', 'i'),
            Map.entry('ј', 'j'),
            Map.entry('к', 'k'),
            Map.entry('ӏ', 'l'),
            Map.entry('м', 'm'),
            Map.entry('н', 'h'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('ԛ', 'q'),
            Map.entry('г', 'r'),
            Map.entry('ѕ', 's'),
            Map.entry('т', 't'),
            Map.entry('у', 'y'),
            Map.entry('ԝ', 'w'),
            Map.entry('х', 'x'),
            Map.entry('ү', 'y'),
            Map.entry('α', 'a'),
            Map.entry('β', 'b'),
            Map.entry('ϲ', 'c'),
            Map.entry('ε', 'e'),
            Map.entry('η', 'n'),
            Map.entry('ι', 'i'),
            Map.entry('κ', 'k'),
            Map.entry('ν', 'v'),
            Map.entry('ο', 'o'),
            Map.entry('ρ', 'p'),
            Map.entry('τ', 't'),
            Map.entry('υ', 'u'),
            Map.entry('χ', 'x'),
            Map.entry('γ', 'y'),
            Map.entry('ω', 'w'),
            Map.entry('ѡ', 'w'));

    private Identities() {}

    /**
     * Tells whether two names denote the same person once look-alike spellings are folded away.
     *
     * @param first  a name
     * @param second another name
     * @return true when their skeletons are equal
     */
    public static boolean samePerson(final String first, final String second) {
        return skeleton(first).equals(skeleton(second));
    }

    /**
     * Returns the comparison form of a name (see the type's description).
     *
     * @param name a name
     * @return its skeleton
     */
    public static String skeleton(final String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (!isDefaultIgnorable(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                out.appendCodePoint(cp <= Character.MAX_VALUE ? CONFUSABLES.getOrDefault((char) cp, (char) cp) : cp);
            }
        });
        return out.toString();
    }

    /**
     * Refuses a name or value that carries control characters (newlines, terminal escapes) or invisible format
     * characters, so they never reach a console, a log or the ledger.
     *
     * @param what  what the value is, e.g. {@code --actor}, for the message
     * @param value the value
     * @return the value
     * @throws InvalidInputException naming the parameter and the offending character by its code point
     */
    public static String requirePrintable(final String what, final String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp) || isDefaultIgnorable(cp) || cp == 0x2028 || cp == 0x2029) {
                throw new InvalidInputException(
                        "%s '%s' contains the control or invisible character U+%04X at position %d; use printable characters only."
                                .formatted(what, printable(value), cp, i));
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    /**
     * Replaces control and invisible characters by {@code ?}, for echoing a refused value.
     *
     * @param value any text
     * @return the text, safe to print
     */
    public static String printable(final String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints()
                .forEach(cp -> out.appendCodePoint(
                        Character.isISOControl(cp) || isDefaultIgnorable(cp) || cp == 0x2028 || cp == 0x2029
                                ? '?'
                                : cp));
        return out.toString();
    }

    /** Unicode's Default_Ignorable_Code_Point, which Java exposes no property for: Cf letters and the listed ranges. */
    private static boolean isDefaultIgnorable(final int cp) {
        return (Character.getType(cp) == Character.FORMAT && cp != 0x0600 && cp != 0x06DD)
                || cp == 0x034F
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0
                || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }
}
