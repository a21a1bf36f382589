package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.WriteReportRequest;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report over a real ledger written by the engine: its records, its chain, and what tampering does to it. */
class LedgerReportTest {
    @Test
    void shouldReportARealLedgerAndShowWhereItWasTamperedWith(@TempDir final Path dir) throws Exception {
        // Given a ledger written by real operations
        ExampleProduct product = ExampleProduct.onH2(dir);
        DataProductSpec spec = SpecLoader.load(product.spec());
        JsonLinesLedger ledger = DataOps.fileLedger(spec, Clock.systemUTC());
        DataOps dataOps = new DataOps(
                spec, new Session("alice", "test", new MapCredentialsResolver(), ProgressListener.NONE, ledger));
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));

        // When it is exported and rendered
        StringWriter json = new StringWriter();
        dataOps.writeReport(WriteReportRequest.of(ReportFormat.JSON, json));
        StringWriter intact = new StringWriter();
        dataOps.writeReport(WriteReportRequest.of(ReportFormat.HTML, intact));

        // Then every record is there and the chain is verified
        JsonNode records = new ObjectMapper().readTree(json.toString());
        // (each of the three changing operations is an intent followed by the outcome that settles it)
        assertThat(records).hasSize(6);
        assertThat(records)
                .extracting(r -> r.get("outcome").asText())
                .containsExactly("intent", "success", "intent", "success", "intent", "success");
        assertThat(records)
                .extracting(r -> r.get("action").asText())
                .containsExactly("provision", "provision", "migrate", "migrate", "migrate", "migrate");
        assertThat(records.get(5).get("hash").asText()).hasSize(64);
        assertThat(intact.toString())
                .contains("Chain verified", "Unkeyed: detects accidents, not someone with write access")
                .doesNotContain("Chain broken");

        // When the second record is edited on disk
        List<String> lines = Files.readAllLines(ledger.file());
        lines.set(1, lines.get(1).replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""));
        Files.write(ledger.file(), lines);
        StringWriter tampered = new StringWriter();
        dataOps.writeReport(WriteReportRequest.of(ReportFormat.HTML, tampered));

        // Then the report says where the chain breaks
        assertThat(tampered.toString()).contains("Chain broken at record 2", "mallory");
    }

    @Test
    void shouldStillRenderWhenALineIsDamaged(@TempDir final Path dir) throws Exception {
        DataOps dataOps = threeOperations(dir);
        List<String> lines = Files.readAllLines(ledgerFile(dir));
        lines.set(1, lines.get(1).substring(0, 40));
        Files.write(ledgerFile(dir), lines);

        String page = render(dataOps);

        assertThat(page).contains("Chain broken at record 2", "record 2 and everything after it cannot be trusted");
        assertThat(page).contains("id=\"record-1\"").doesNotContain("id=\"record-2\"");
        assertThat(untrusted(page)).containsExactly("3", "4", "5", "6");
        assertThat(record(page, "1")).doesNotContain("untrusted");
    }

    @Test
    void shouldStillRenderWhenALineIsNotUtf8(@TempDir final Path dir) throws Exception {
        DataOps dataOps = threeOperations(dir);
        byte[] bytes = Files.readAllBytes(ledgerFile(dir));
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("\"actor\":\"alice\"", text.indexOf('\n')) + 10;
        bytes[at] = (byte) 0xC3; // starts a two-byte sequence that the next byte does not continue
        bytes[at + 1] = (byte) 0x28;
        Files.write(ledgerFile(dir), bytes);

        String page = render(dataOps);

        assertThat(page).contains("Chain broken at record 2");
        assertThat(record(page, "1")).doesNotContain("untrusted");
        assertThat(untrusted(page)).containsExactly("2", "3", "4", "5", "6");
        assertThat(record(page, "2")).contains("&#65533;");
    }

    private static DataOps threeOperations(final Path dir) throws Exception {
        ExampleProduct product = ExampleProduct.onH2(dir);
        DataProductSpec spec = SpecLoader.load(product.spec());
        JsonLinesLedger ledger = DataOps.fileLedger(spec, Clock.systemUTC());
        DataOps dataOps = new DataOps(
                spec, new Session("alice", "test", new MapCredentialsResolver(), ProgressListener.NONE, ledger));
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));
        LEDGERS.put(dir, ledger.file());
        return dataOps;
    }

    private static final java.util.Map<Path, Path> LEDGERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Path ledgerFile(final Path dir) {
        return LEDGERS.get(dir);
    }

    private static String render(final DataOps dataOps) throws Exception {
        StringWriter page = new StringWriter();
        dataOps.writeReport(WriteReportRequest.of(ReportFormat.HTML, page));
        return page.toString();
    }

    /** The static rows marked untrusted, by sequence. */
    private static List<String> untrusted(final String page) {
        return java.util.regex.Pattern.compile("<tbody class=\"dor-rec [a-z-]+ dor-untrusted\" data-seq=\"(\\d+)\"")
                .matcher(page)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    private static String record(final String page, final String sequence) {
        int start = page.indexOf("data-seq=\"" + sequence + "\"");
        assertThat(start).isPositive();
        return page.substring(start, page.indexOf("</tbody>", start));
    }
}
