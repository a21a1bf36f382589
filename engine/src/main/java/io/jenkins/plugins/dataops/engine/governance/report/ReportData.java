package io.jenkins.plugins.dataops.engine.governance.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The records of a report as compact JSON for the page's script: {@code {"vocabulary":{...},"untrustedFrom":N,
 * "records":[[sequence,
 * timeMillis,product,environment,action,release,outcome,actor,buildRef,hash,evidence],...]}}. The vocabulary
 * carries the evidence titles and table columns of {@link EvidenceHtml}, so the script renders evidence exactly
 * as the server does, from one source. The JSON is pure ASCII and never contains {@code <}, {@code >} or
 * {@code &}: it can sit inside a {@code <script type="application/json">} element (no {@code </script>} can end
 * it early) and the same bytes are valid HTML text. Not thread-safe: one per report.
 */
final class ReportData implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;

    /**
     * Starts the data object.
     *
     * @param html          where the JSON goes
     * @param untrustedFrom the first record the script marks untrusted ({@link Long#MAX_VALUE}: none)
     */
    ReportData(final HtmlWriter html, final long untrustedFrom) {
        try {
            json = JSON.createGenerator(new HtmlSink(html));
            json.setCharacterEscapes(new MarkupEscapes());
            json.writeStartObject();
            json.writeFieldName("vocabulary");
            json.writeStartObject();
            json.writeObjectField("titles", EvidenceHtml.TITLES);
            json.writeObjectField("columns", EvidenceHtml.COLUMNS);
            json.writeObjectField("status", EvidenceHtml.STATUS_KEYS);
            json.writeObjectField("code", EvidenceHtml.CODE_KEYS);
            json.writeEndObject();
            json.writeNumberField("untrustedFrom", untrustedFrom);
            json.writeFieldName("records");
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one record. */
    void add(final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        try {
            json.writeStartArray();
            json.writeNumber(record.sequence());
            json.writeNumber(record.timeMillis());
            json.writeString(event.product());
            json.writeString(event.environment());
            json.writeString(event.action());
            json.writeString(event.release());
            json.writeString(event.outcome());
            json.writeString(event.actor());
            json.writeString(event.buildRef());
            json.writeString(record.hash());
            json.writeObject(EvidenceKeys.read(event.evidence()));
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the data object and hands everything to the HTML writer. */
    @Override
    public void close() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes the characters that mean something to an HTML parser, so the JSON never ends its element. */
    static final class MarkupEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = standardAsciiEscapesForJSON();

        MarkupEscapes() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(final int ch) {
            return null;
        }
    }

    /** A writer onto the HTML writer's buffer (the JSON is already safe markup: see the class comment). */
    private static final class HtmlSink extends Writer {
        private final HtmlWriter html;

        HtmlSink(final HtmlWriter html) {
            this.html = html;
        }

        @Override
        public void write(final char[] chars, final int offset, final int count) {
            html.raw(chars, offset, count);
        }

        @Override
        public void flush() {
            // the HTML writer flushes at the end of the page
        }

        @Override
        public void close() {
            // the HTML writer outlives the data
        }
    }
}
