package io.jenkins.plugins.dataops.engine.governance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports records as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled), one record per line as it is read, with the header {@link #COLUMNS}. The evidence
 * column holds the evidence as compact JSON. Against CSV formula injection (OWASP), a cell starting with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} so that spreadsheets show it as text.
 */
public final class CsvExporter {
    /** The header, in column order. */
    public static final List<String> COLUMNS = RecordCodec.FIELDS;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes the header and every record the filter accepts.
     *
     * @param source the records
     * @param filter which records to write
     * @param out    where the CSV goes (not closed, flushed)
     * @return how many records were written
     * @throws IOException when writing fails
     * @throws io.jenkins.plugins.dataops.engine.kernel.DataOpsException when the source cannot be read
     */
    public long export(final RecordSource source, final RecordFilter filter, final Writer out) throws IOException {
        long[] written = {0};
        try {
            writeLine(out, COLUMNS);
            source.filter(filter).forEach(record -> {
                writeLine(out, cells(record));
                written[0]++;
            });
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    private static List<String> cells(final GovernanceRecord record) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        RecordCodec.fields(record).forEach((key, value) -> cells.add(cell(record, key, value)));
        return cells;
    }

    private static String cell(final GovernanceRecord record, final String key, final Object value) {
        return switch (key) {
            case "time" -> Instant.ofEpochMilli(record.timeMillis()).toString();
            case "evidence" -> evidence(record);
            default -> String.valueOf(value);
        };
    }

    private static String evidence(final GovernanceRecord record) {
        try {
            return JSON.writeValueAsString(record.event().evidence());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Evidence of record '%d' is not JSON: %s".formatted(record.sequence(), e.getOriginalMessage()), e);
        }
    }

    private static void writeLine(final Writer out, final List<String> cells) {
        StringBuilder line = new StringBuilder(1024);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        line.append("\r\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a value as one CSV cell: defused against formula injection, then quoted when needed.
     *
     * @param value the value
     * @return the cell text
     */
    static String cell(final String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
