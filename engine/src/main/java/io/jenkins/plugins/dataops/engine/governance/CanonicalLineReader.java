package io.jenkins.plugins.dataops.engine.governance;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one ledger line in one pass over its bytes and, in the same pass, proves that it is exactly what
 * {@link RecordCodec#toJson} writes: no white space, every object's keys in ascending order (so no duplicate),
 * strings escaped as Jackson escapes them (only {@code "}, {@code \} and control characters, the five short forms,
 * otherwise <code>&#92;u00XX</code> in upper case), integers in plain decimal, valid UTF-8, nothing after the object.
 *
 * <p>It proves or gives up: anything it is not sure of (a floating-point or very long number, deep nesting, a
 * very long string, a form that is not canonical) makes {@link #read} return null, and the caller hands the line
 * to the general reader (Jackson, then re-serialised and compared), which decides and says what is wrong. So this
 * reader never accepts a line the general one refuses, and reads the same values: LinkedHashMap and ArrayList,
 * Integer when the number fits, Long otherwise. It also remembers where the {@code hash} member is, so the record's
 * hash is the SHA-256 of the line's bytes without it, with no second serialisation.
 */
final class CanonicalLineReader {
    /** Returned by the value readers for "not proven canonical"; never part of a value. */
    private static final Object GIVE_UP = new Object();

    private static final int MAX_DEPTH = 64;
    /** A long has at most 19 digits. */
    private static final int MAX_DIGITS = 19;

    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final String HASH_KEY = "hash";

    private final byte[] in;
    private final int end;
    private int pos;
    private int hashStart = -1;
    private int hashEnd = -1;
    private Map<String, Object> fields = Map.of();

    private CanonicalLineReader(final byte[] in, final int start, final int end) {
        this.in = in;
        this.pos = start;
        this.end = end;
    }

    /**
     * Reads the top-level object of a line.
     *
     * @param bytes the buffer holding the line
     * @param start where the line starts
     * @param end   where it ends (exclusive, without the line break)
     * @return the reader positioned after the object, or null when the line is not proven canonical
     */
    static @Nullable CanonicalLineReader read(final byte[] bytes, final int start, final int end) {
        if (!isValidUtf8(bytes, start, end)) {
            return null;
        }
        CanonicalLineReader reader = new CanonicalLineReader(bytes, start, end);
        return reader.readTop() ? reader : null;
    }

    /** The fields of the top-level object, insertion-ordered (which is key order). */
    Map<String, Object> fields() {
        return fields;
    }

    /** Where the {@code ,"hash":"..."} member starts (its comma), or -1 when the object has no {@code hash}. */
    int hashStart() {
        return hashStart;
    }

    /** Where the {@code hash} member ends (exclusive). */
    int hashEnd() {
        return hashEnd;
    }

    private boolean readTop() {
        if (peek() != '{') {
            return false;
        }
        Object top = object(1, true);
        if (top == GIVE_UP || pos != end) {
            return false;
        }
        @SuppressWarnings("unchecked") // object() returns a map or GIVE_UP, checked above
        Map<String, Object> map = (Map<String, Object>) top;
        fields = map;
        return true;
    }

    private Object value(final int depth) {
        return switch (peek()) {
            case '{' -> object(depth + 1, false);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Object object(final int depth, final boolean top) {
        pos++; // the '{'
        Map<String, Object> map = new LinkedHashMap<>();
        if (depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        if (peek() == '}') {
            pos++;
            return map;
        }
        String previous = null;
        while (true) {
            int memberStart = pos;
            if (peek() != '"' || !(string() instanceof String key)) {
                return GIVE_UP;
            }
            if ((previous != null && key.compareTo(previous) <= 0) || next() != ':') {
                return GIVE_UP; // out of order, a duplicate, or not a member
            }
            Object value = value(depth);
            if (value == GIVE_UP) {
                return GIVE_UP;
            }
            if (top && HASH_KEY.equals(key) && previous != null) {
                hashStart = memberStart - 1;
                hashEnd = pos;
            }
            map.put(key, value);
            previous = key;
            int separator = next();
            if (separator == '}') {
                return map;
            }
            if (separator != ',') {
                return GIVE_UP;
            }
        }
    }

    private Object array(final int depth) {
        pos++; // the '['
        List<Object> list = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            Object value = value(depth);
            if (value == GIVE_UP) {
                return GIVE_UP;
            }
            list.add(value);
            int separator = next();
            if (separator == ']') {
                return list;
            }
            if (separator != ',') {
                return GIVE_UP;
            }
        }
    }

    /** A string without escapes is one slice of the line; one with escapes goes through {@link JsonEscapes}. */
    private Object string() {
        int start = ++pos; // after the opening quote
        int limit = Math.min(end, start + MAX_STRING_BYTES);
        for (int i = start; i < limit; i++) {
            int b = in[i] & 0xFF;
            if (b == '"') {
                pos = i + 1;
                return new String(in, start, i - start, StandardCharsets.UTF_8);
            }
            if (b == '\\' || b < 0x20) {
                return escaped(start, limit);
            }
        }
        return GIVE_UP;
    }

    private Object escaped(final int start, final int limit) {
        StringBuilder text = new StringBuilder();
        int i = JsonEscapes.unescape(in, start, limit, text);
        if (i < 0) {
            return GIVE_UP;
        }
        pos = i + 1;
        return text.toString();
    }

    private Object literal(final String word, final @Nullable Object value) {
        if (end - pos < word.length()) {
            return GIVE_UP;
        }
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                return GIVE_UP;
            }
        }
        pos += word.length();
        return value;
    }

    /** Plain decimal integers only ({@code 0}, {@code -12}); anything else is left to the general reader. */
    private Object number() {
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long value = 0;
        while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
            value = value * 10 + (in[pos] - '0');
            pos++;
        }
        int digits = pos - start;
        boolean leadingZero = digits > 1 && in[start] == '0';
        boolean negativeZero = negative && digits == 1 && in[start] == '0';
        if (digits == 0 || digits > MAX_DIGITS || leadingZero || negativeZero || isFractionOrExponent(peek())) {
            return GIVE_UP;
        }
        if (digits == MAX_DIGITS) { // may not fit a long: let the JDK decide, as Jackson takes a BigInteger then
            return longOrGiveUp(negative ? start - 1 : start);
        }
        long signed = negative ? -value : value;
        if (signed >= Integer.MIN_VALUE && signed <= Integer.MAX_VALUE) {
            return (int) signed;
        }
        return signed;
    }

    private Object longOrGiveUp(final int start) {
        try {
            long signed = Long.parseLong(new String(in, start, pos - start, StandardCharsets.US_ASCII));
            return signed >= Integer.MIN_VALUE && signed <= Integer.MAX_VALUE ? (Object) (int) signed : signed;
        } catch (NumberFormatException e) {
            return GIVE_UP; // beyond a long: the general reader reads it as a BigInteger
        }
    }

    private static boolean isFractionOrExponent(final int b) {
        return b == '.' || b == 'e' || b == 'E';
    }

    private int peek() {
        return pos < end ? in[pos] & 0xFF : -1;
    }

    private int next() {
        return pos < end ? in[pos++] & 0xFF : -1;
    }

    /** ASCII (the usual line) is valid; otherwise a strict decoder decides, as Jackson refuses bad UTF-8. */
    static boolean isValidUtf8(final byte[] bytes, final int start, final int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start));
                    return true;
                } catch (CharacterCodingException e) {
                    return false; // the general reader decodes it with replacement characters and decides
                }
            }
        }
        return true;
    }
}
