package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<GovernanceRecord> records = ReportFixtures.sample();

    @Test
    void shouldExportEveryRecordAsCsvThatReadsBackTheSame() throws IOException {
        StringWriter out = new StringWriter();

        long written = new CsvExporter().export(RecordSource.of(records), RecordFilter.all(), out);

        List<List<String>> rows = CsvReader.parse(out.toString());
        assertThat(written).isEqualTo(records.size());
        assertThat(rows.get(0)).isEqualTo(CsvExporter.COLUMNS);
        assertThat(rows).hasSize(records.size() + 1);
        for (int i = 0; i < records.size(); i++) {
            assertCsvRow(rows.get(i + 1), records.get(i));
        }
    }

    @Test
    void shouldHaveOneCsvColumnPerRecordKeyInTheRecordsOrder() {
        GovernanceRecord record = records.get(0);

        assertThat(RecordCodec.fields(record).keySet()).containsExactlyElementsOf(CsvExporter.COLUMNS);
        assertThat(CsvExporter.COLUMNS).isSameAs(RecordCodec.FIELDS);
    }

    @Test
    void shouldExportOnlyFilteredRecordsAsCsv() throws IOException {
        StringWriter out = new StringWriter();

        long written = new CsvExporter()
                .export(
                        RecordSource.of(records),
                        RecordFilter.all().withEnvironments(List.of("prod")).since(ReportFixtures.START),
                        out);

        assertThat(written).isEqualTo(2);
        assertThat(CsvReader.parse(out.toString()))
                .extracting(row -> row.get(0))
                .containsExactly("sequence", "7", "11");
    }

    @Test
    void shouldDefuseFormulasAndQuoteSpecialCharacters() throws IOException {
        List<GovernanceRecord> hostile = new ArrayList<>();
        ReportFixtures.add(
                hostile,
                0,
                new GovernanceEvent(
                        "=HYPERLINK(\"http://evil\",\"x\")",
                        "+1",
                        "-2",
                        "@SUM(A1)",
                        "a,b",
                        "line\r\nbreak",
                        "\ttab",
                        Map.of("note", "=1+1")));
        StringWriter out = new StringWriter();

        new CsvExporter().export(RecordSource.of(hostile), RecordFilter.all(), out);

        String line = out.toString().split("\r\n", 2)[1];
        assertThat(line)
                .startsWith("1,")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1,'-2,'@SUM(A1),"
                        + "\"a,b\",\"line\r\nbreak\",'\ttab,");
        List<String> row = CsvReader.parse(out.toString()).get(1);
        assertThat(row.subList(2, 9))
                .containsExactly(
                        "'=HYPERLINK(\"http://evil\",\"x\")",
                        "'+1",
                        "'-2",
                        "'@SUM(A1)",
                        "a,b",
                        "line\r\nbreak",
                        "'\ttab");
        assertThat(JSON.readTree(row.get(9)).get("note").asText()).isEqualTo("=1+1");
    }

    @Test
    void shouldExportEveryRecordAsJsonThatReadsBackTheSame() throws IOException {
        StringWriter out = new StringWriter();

        long written = new JsonExporter().export(RecordSource.of(records), RecordFilter.all(), out);

        JsonNode array = JSON.readTree(out.toString());
        assertThat(written).isEqualTo(records.size());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertJsonRecord(array.get(i), records.get(i));
        }
    }

    @Test
    void shouldExportOnlyFilteredRecordsAsJson() throws IOException {
        StringWriter out = new StringWriter();

        new JsonExporter()
                .export(RecordSource.of(records), RecordFilter.all().withOutcomes(List.of("failed", "refused")), out);

        assertThat(JSON.readTree(out.toString()))
                .extracting(node -> node.get("sequence").asLong())
                .containsExactly(6L, 11L);
    }

    @Test
    void shouldWriteAnEmptyArrayAndAHeaderOnlyForNoRecords() throws IOException {
        StringWriter json = new StringWriter();
        StringWriter csv = new StringWriter();

        new JsonExporter().export(RecordSource.of(List.of()), RecordFilter.all(), json);
        new CsvExporter().export(RecordSource.of(List.of()), RecordFilter.all(), csv);

        assertThat(json.toString()).isEqualTo("[]\n");
        assertThat(CsvReader.parse(csv.toString())).containsExactly(CsvExporter.COLUMNS);
    }

    @Test
    void shouldWriteEachFormatThroughTheFormatEnum() throws IOException {
        ReportOptions options =
                ReportOptions.titled("t").withFilter(RecordFilter.all().withActions(List.of("gc")));
        StringWriter csv = new StringWriter();

        ReportFormat.parse(" CSV ").write(RecordSource.of(records), options, csv);

        assertThat(csv.toString()).isEqualTo(String.join(",", CsvExporter.COLUMNS) + "\r\n");
        assertThat(ReportFormat.parse("json").mediaType()).isEqualTo("application/json");
        assertThat(ReportFormat.HTML.extension()).isEqualTo("html");
    }

    private static void assertCsvRow(final List<String> row, final GovernanceRecord record) throws IOException {
        GovernanceEvent event = record.event();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(row).hasSize(CsvExporter.COLUMNS.size());
        softly.assertThat(Long.parseLong(row.get(0))).isEqualTo(record.sequence());
        softly.assertThat(Instant.parse(row.get(1)).toEpochMilli()).isEqualTo(record.timeMillis());
        softly.assertThat(row.subList(2, 9))
                .containsExactly(
                        event.actor(),
                        event.action(),
                        event.product(),
                        event.environment(),
                        event.release(),
                        event.outcome(),
                        event.buildRef());
        softly.assertThat(JSON.readTree(row.get(9))).isEqualTo(JSON.valueToTree(event.evidence()));
        softly.assertThat(row.get(10)).isEqualTo(record.prev());
        softly.assertThat(row.get(11)).isEqualTo(record.hash());
        softly.assertAll();
    }

    private static void assertJsonRecord(final JsonNode node, final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(node.get("sequence").asLong()).isEqualTo(record.sequence());
        softly.assertThat(Instant.parse(node.get("time").asText()).toEpochMilli())
                .isEqualTo(record.timeMillis());
        softly.assertThat(List.of(
                        node.get("actor").asText(),
                        node.get("action").asText(),
                        node.get("product").asText(),
                        node.get("environment").asText(),
                        node.get("release").asText(),
                        node.get("outcome").asText(),
                        node.get("buildRef").asText()))
                .containsExactly(
                        event.actor(),
                        event.action(),
                        event.product(),
                        event.environment(),
                        event.release(),
                        event.outcome(),
                        event.buildRef());
        softly.assertThat(node.get("evidence")).isEqualTo(JSON.valueToTree(event.evidence()));
        softly.assertThat(node.get("prev").asText()).isEqualTo(record.prev());
        softly.assertThat(node.get("hash").asText()).isEqualTo(record.hash());
        softly.assertAll();
    }
}
