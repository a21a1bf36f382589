package io.jenkins.plugins.dataops.engine.governance.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one page of governance records as the compact JSON the report's script reads from a server:
 * <pre>{"total":N,"offset":O,"limit":L,
 *  "verification":{"intact":true,"records":R,"jobs":J,"title":"...","text":"..."},
 *  "vocabulary":{...},
 *  "records":[[sequence,timeMillis,product,environment,action,release,outcome,actor,buildRef,hash,evidence,
 *              job,build,untrusted],...]}</pre>
 * Records come newest first, the first eleven fields as in the standalone report's data ({@link ReportData}).
 * Only the rows of the page are loaded from the {@link RecordStore}, and each job on the page has its chain
 * verified ({@link JobVerifications}, remembered until the chain changes): the banner says which. A row whose
 * build is gone, or whose job's chain breaks at or before it, is marked untrusted. The JSON is ASCII and holds no
 * {@code <}, {@code >}, {@code &} or {@code '}. Thread-safe.
 */
public final class RecordPageJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final JobVerifications verifications;

    /**
     * Creates a writer that remembers chain verdicts in the given cache.
     *
     * @param verifications the verdicts, shared by the pages of one index
     */
    public RecordPageJson(final JobVerifications verifications) {
        this.verifications = verifications;
    }

    /**
     * Writes a page.
     *
     * @param page  the rows of the page, newest first
     * @param store where the rows' records and their jobs' chains are read
     * @param out   where the JSON goes (flushed, not closed)
     * @throws IOException when writing fails
     */
    public void write(final RecordPage page, final RecordStore store, final Writer out) throws IOException {
        Map<String, LedgerVerification> perJob = new LinkedHashMap<>();
        for (IndexRow row : page.rows()) {
            perJob.computeIfAbsent(
                    row.job(), job -> verifications.verify(job, store.chainState(job), () -> store.chain(job)));
        }
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(new ReportData.MarkupEscapes());
            json.writeStartObject();
            json.writeNumberField("total", page.total());
            json.writeNumberField("offset", page.offset());
            json.writeNumberField("limit", page.limit());
            writeVerification(json, perJob);
            writeVocabulary(json);
            json.writeFieldName("records");
            json.writeStartArray();
            for (IndexRow row : page.rows()) {
                writeRow(json, row, store.record(row), perJob.get(row.job()));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.flush();
    }

    /**
     * Writes the answer to a request the page cannot serve, e.g. {@code {"error":"Parameter 'limit' is ..."}}.
     *
     * @param message the one-sentence error
     * @param out     where the JSON goes (flushed, not closed)
     * @throws IOException when writing fails
     */
    public static void writeError(final String message, final Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(new ReportData.MarkupEscapes());
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        }
        out.flush();
    }

    private static void writeVerification(final JsonGenerator json, final Map<String, LedgerVerification> perJob)
            throws IOException {
        LedgerVerification combined = JobVerifications.combine(perJob);
        json.writeObjectFieldStart("verification");
        json.writeBooleanField("intact", combined.intact());
        json.writeBooleanField("keyed", combined.keyed());
        json.writeNumberField("records", combined.records());
        json.writeNumberField("jobs", perJob.size());
        json.writeStringField("title", combined.intact() ? "\u2714 Chain verified" : "\u2716 Chain broken");
        json.writeStringField("text", banner(combined, perJob.size()));
        json.writeEndObject();
    }

    /** The integrity banner's sentence for a page. */
    static String banner(final LedgerVerification combined, final int jobs) {
        if (jobs == 0) {
            return "No records on this page, so no chain to verify.";
        }
        if (combined.intact()) {
            return "Chain verified for the %d job(s) on this page: %d records, every hash and link intact%s."
                    .formatted(
                            jobs,
                            combined.records(),
                            combined.keyed() ? ", every MAC checked with the ledger key" : "");
        }
        return "Chain broken at record %d %s; that record and every later one of its job cannot be trusted."
                .formatted(combined.firstBroken(), combined.problem());
    }

    private static void writeVocabulary(final JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("vocabulary");
        json.writeObjectField("titles", EvidenceHtml.TITLES);
        json.writeObjectField("columns", EvidenceHtml.COLUMNS);
        json.writeObjectField("status", EvidenceHtml.STATUS_KEYS);
        json.writeObjectField("code", EvidenceHtml.CODE_KEYS);
        json.writeEndObject();
    }

    private static void writeRow(
            final JsonGenerator json,
            final IndexRow row,
            final Optional<GovernanceRecord> record,
            final LedgerVerification chain)
            throws IOException {
        boolean untrusted = record.isEmpty() || (!chain.intact() && row.sequence() >= chain.firstBroken());
        json.writeStartArray();
        json.writeNumber(row.sequence());
        json.writeNumber(row.timeMillis());
        json.writeString(row.product());
        json.writeString(row.environment());
        json.writeString(row.action());
        json.writeString(row.release());
        json.writeString(row.outcome());
        json.writeString(row.actor());
        json.writeString(row.buildRef());
        json.writeString(record.map(GovernanceRecord::hash).orElse(""));
        json.writeObject(
                record.map(found -> EvidenceKeys.read(found.event().evidence())).orElse(Map.of()));
        json.writeString(row.job());
        json.writeNumber(row.build());
        json.writeNumber(untrusted ? 1 : 0);
        json.writeEndArray();
    }
}
