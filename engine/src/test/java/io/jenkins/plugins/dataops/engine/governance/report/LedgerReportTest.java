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
        assertThat(intact.toString()).contains("Chain verified").doesNotContain("Chain broken");

        // When the second record is edited on disk
        List<String> lines = Files.readAllLines(ledger.file());
        lines.set(1, lines.get(1).replace("\"actor\":\"alice\"", "\"actor\":\"mallory\""));
        Files.write(ledger.file(), lines);
        StringWriter tampered = new StringWriter();
        dataOps.writeReport(WriteReportRequest.of(ReportFormat.HTML, tampered));

        // Then the report says where the chain breaks
        assertThat(tampered.toString()).contains("Chain broken at record 2", "mallory");
    }
}
