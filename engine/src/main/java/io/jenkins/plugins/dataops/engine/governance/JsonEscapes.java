package io.jenkins.plugins.dataops.engine.governance;

import java.nio.charset.StandardCharsets;

/**
 * The escapes of canonical record JSON, as Jackson writes them: {@code \"}, {@code \\}, the short forms {@code \b},
 * {@code \t}, {@code \n}, {@code \f}, {@code \r}, and <code>&#92;u00XX</code> with upper-case hex digits for the other
 * control characters. Any other escape (an escaped slash, <code>&#92;u0041</code>, lower-case hex) reads the same text but
 * is a different line, so it is not canonical.
 */
final class JsonEscapes {
    private static final String SHORT_FORMS = "\"\"\\\\b\bt\tn\nf\fr\r";
    private static final String HEX = "0123456789ABCDEF";

    private JsonEscapes() {}

    /**
     * Decodes the rest of a string that holds escapes.
     *
     * @param in    the line
     * @param start the first byte of the string's content
     * @param limit where to stop looking for the closing quote
     * @param text  receives the decoded characters
     * @return the index of the closing quote, or -1 when the string is not canonical or not closed before limit
     */
    static int unescape(final byte[] in, final int start, final int limit, final StringBuilder text) {
        int run = start;
        int i = start;
        while (i < limit) {
            int b = in[i] & 0xFF;
            if (b == '"') {
                text.append(new String(in, run, i - run, StandardCharsets.UTF_8));
                return i;
            }
            if (b < 0x20) {
                return -1; // a raw control character is not JSON
            }
            if (b != '\\') {
                i++;
                continue;
            }
            // a run of plain bytes never ends inside a UTF-8 sequence: every byte of one is 0x80 or above
            text.append(new String(in, run, i - run, StandardCharsets.UTF_8));
            int length = escape(in, i, limit, text);
            if (length < 0) {
                return -1;
            }
            i += length;
            run = i;
        }
        return -1;
    }

    /** Appends the character of the escape at {@code at}; returns the escape's length, or -1 if not canonical. */
    private static int escape(final byte[] in, final int at, final int limit, final StringBuilder text) {
        if (at + 1 >= limit) {
            return -1;
        }
        int kind = in[at + 1] & 0xFF;
        for (int k = 0; k < SHORT_FORMS.length(); k += 2) {
            if (kind == SHORT_FORMS.charAt(k)) {
                text.append(SHORT_FORMS.charAt(k + 1));
                return 2;
            }
        }
        if (kind != 'u' || at + 6 > limit || in[at + 2] != '0' || in[at + 3] != '0') {
            return -1;
        }
        int high = HEX.indexOf(in[at + 4]);
        int low = HEX.indexOf(in[at + 5]);
        int c = high * 16 + low;
        if (high < 0 || low < 0 || c >= 0x20 || hasShortForm((char) c)) {
            return -1;
        }
        text.append((char) c);
        return 6;
    }

    private static boolean hasShortForm(final char c) {
        for (int k = 1; k < SHORT_FORMS.length(); k += 2) {
            if (SHORT_FORMS.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }
}
