package io.jenkins.plugins.dataops.engine.governance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes HTML to a writer, escaping every value. Markup passed to {@link #raw(String)} must be a constant of this
 * package, never data. I/O errors surface as {@link UncheckedIOException} so that writing fits in a record
 * consumer; the public entry points unwrap them.
 */
final class HtmlWriter {
    private final Writer out;

    HtmlWriter(final Writer out) {
        this.out = out;
    }

    /** Writes constant markup. */
    HtmlWriter raw(final String markup) {
        try {
            out.write(markup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a number. */
    HtmlWriter number(final long value) {
        return raw(Long.toString(value));
    }

    /** Writes a value as text, escaped for element content and for quoted attribute values alike. */
    HtmlWriter text(final String value) {
        try {
            int start = 0;
            int length = value.length();
            for (int i = 0; i < length; i++) {
                String entity = entity(value.charAt(i));
                if (entity != null) {
                    out.write(value, start, i - start);
                    out.write(entity);
                    start = i + 1;
                }
            }
            out.write(value, start, length - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code  name="value"} with the value escaped. */
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

    /**
     * Escapes a value into a string (for the rare place where a value must be held before it is written).
     */
    static String escape(final String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String entity = entity(c);
            if (entity == null) {
                escaped.append(c);
            } else {
                escaped.append(entity);
            }
        }
        return escaped.toString();
    }

    @SuppressWarnings("PMD.ReturnEmptyCollectionRatherThanNull") // null means "no entity needed" on the hot path
    private static String entity(final char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\0' -> "\uFFFD";
            default -> null;
        };
    }
}
