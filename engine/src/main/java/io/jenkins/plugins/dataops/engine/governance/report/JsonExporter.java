package io.jenkins.plugins.dataops.engine.governance.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Exports records as a JSON array of record objects, written with Jackson's streaming generator as they are read:
 * {@code [{"sequence":1,"time":"2024-05-01T10:00:00Z","actor":...,"action":...,"product":...,"environment":...,
 * "release":...,"outcome":...,"buildRef":...,"evidence":{...},"prev":...,"hash":...}, ...]}.
 */
public final class JsonExporter {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /**
     * Writes every record the filter accepts.
     *
     * @param source the records
     * @param filter which records to write
     * @param out    where the JSON goes (not closed, flushed)
     * @return how many records were written
     * @throws IOException when writing fails
     * @throws io.jenkins.plugins.dataops.engine.kernel.DataOpsException when the source cannot be read
     */
    public long export(final RecordSource source, final RecordFilter filter, final Writer out) throws IOException {
        long[] written = {0};
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            source.filter(filter).forEach(record -> {
                write(json, record);
                written[0]++;
            });
            json.writeEndArray();
            json.writeRaw('\n');
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return written[0];
    }

    private static void write(final JsonGenerator json, final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        try {
            json.writeStartObject();
            json.writeNumberField("sequence", record.sequence());
            json.writeStringField(
                    "time", Instant.ofEpochMilli(record.timeMillis()).toString());
            json.writeStringField("actor", event.actor());
            json.writeStringField("action", event.action());
            json.writeStringField("product", event.product());
            json.writeStringField("environment", event.environment());
            json.writeStringField("release", event.release());
            json.writeStringField("outcome", event.outcome());
            json.writeStringField("buildRef", event.buildRef());
            json.writeFieldName("evidence");
            json.writeObject(event.evidence());
            json.writeStringField("prev", record.prev());
            json.writeStringField("hash", record.hash());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
