package io.jenkins.plugins.dataops.engine.governance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes HTML to a writer, escaping every value. Markup passed to {@link #raw(String)} must be a constant of this
 * package, never data. Buffers in a char array and hands the writer large chunks (a report writes millions of
 * small pieces; most values need no escaping, so a value is copied in bulk and only scanned in place). I/O errors
 * surface as {@link UncheckedIOException} so that writing fits in a record consumer; the public entry points
 * unwrap them. Call {@link #flush()} at the end.
 */
final class HtmlWriter {
    private static final int CHUNK = 64 * 1024;

    private final Writer out;
    private char[] buffer = new char[CHUNK];
    private int length;

    HtmlWriter(final Writer out) {
        this.out = out;
    }

    /** Writes constant markup. */
    HtmlWriter raw(final String markup) {
        reserve(markup.length());
        markup.getChars(0, markup.length(), buffer, length);
        length += markup.length();
        return this;
    }

    /** Writes constant or already-safe markup from a character array (the JSON data block's chunks). */
    HtmlWriter raw(final char[] chars, final int offset, final int count) {
        reserve(count);
        System.arraycopy(chars, offset, buffer, length, count);
        length += count;
        return this;
    }

    /** Writes a number. */
    HtmlWriter number(final long value) {
        return raw(Long.toString(value));
    }

    /** Writes a value as text, escaped for element content and for quoted attribute values alike. */
    HtmlWriter text(final String value) {
        int size = value.length();
        reserve(size);
        value.getChars(0, size, buffer, length);
        int end = length + size;
        for (int i = length; i < end; i++) {
            char c = buffer[i];
            if (c <= '>' && needsEscape(c) || c > '~') {
                length = i;
                escapeFrom(value, i - (end - size));
                return this;
            }
        }
        length = end;
        return this;
    }

    HtmlWriter attr(final String name, final String value) {
        return raw(" ").raw(name).raw("=\"").text(value).raw("\"");
    }

    /** Writes an element with escaped text content and an optional class. */
    HtmlWriter element(final String tag, final String cssClass, final String content) {
        raw("<").raw(tag);
        if (!cssClass.isEmpty()) {
            attr("class", cssClass);
        }
        return raw(">").text(content).raw("</").raw(tag).raw(">");
    }

    /** Writes what is buffered and flushes the writer. */
    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slow path: writes the value from {@code start} on, one character at a time. */
    /**
     * Escapes the rest of a value. Characters outside ASCII become numeric references too: the page stays pure
     * ASCII, which the UTF-8 encoder writes on its fast path (a single non-ASCII character per record made it
     * take the slow path for most of a 100,000-record page).
     */
    private void escapeFrom(final String value, final int start) {
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= '>' && needsEscape(c)) {
                raw(entity(c));
            } else if (c > '~') {
                int codePoint = value.codePointAt(i);
                raw("&#")
                        .raw(Integer.toString(Character.isSurrogate(c) && codePoint == c ? 0xFFFD : codePoint))
                        .raw(";");
                i += Character.charCount(codePoint) - 1;
            } else {
                reserve(1);
                buffer[length++] = c;
            }
        }
    }

    private void reserve(final int size) {
        if (length + size > buffer.length) {
            drain();
            if (size > buffer.length) {
                buffer = new char[size];
            }
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length = 0;
    }

    private static boolean needsEscape(final char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\0';
    }

    private static String entity(final char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> "\uFFFD";
        };
    }
}
