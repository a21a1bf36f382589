package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing rows are personal data more often than not: they go to a sample file the run's record names by
 * SHA-256, never into the append-only ledger, so they can be deleted without breaking the chain.
 */
class SampleFilesTest {
    private static final String PERSONAL = "erasable.person@example.com";

    @TempDir
    private Path dir;

    private DataProductSpec spec;
    private JsonLinesLedger ledger;
    private DataOps dataOps;

    @BeforeEach
    void devWithAFailingRowHoldingPersonalData() throws SQLException {
        spec = SpecLoader.load(ExampleProduct.onH2(dir).spec());
        ledger = DataOps.fileLedger(spec, Clock.systemUTC());
        dataOps = new DataOps(
                spec, new Session("alice", "test", new MapCredentialsResolver(), ProgressListener.NONE, ledger));
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        DatabaseTarget dev = dataOps.target("dev");
        try (Connection c = dev.open();
                Statement s = c.createStatement()) {
            s.execute("UPDATE customer SET country = 'XX', email = '" + PERSONAL + "' WHERE id = 1");
        }
    }

    @Test
    void shouldKeepTheFailingRowsOutOfTheLedgerAndNameTheirFileByHash() throws IOException {
        assertThat(dataOps.test(TestRequest.of("dev")).breached()).isTrue();

        String ledgerText = Files.readString(ledger.file());
        assertThat(ledgerText).doesNotContain(PERSONAL);
        GovernanceRecord test = lastTestRecord();
        @SuppressWarnings("unchecked")
        Map<String, Object> reference =
                (Map<String, Object>) test.event().evidence().get(EvidenceKeys.SAMPLE_FILE);
        Path file = spec.stateDir().resolve((String) reference.get(EvidenceKeys.FILE));
        assertThat(Files.readString(file))
                .as("the row is there, its e-mail address masked")
                .contains(
                        "\"COUNTRY\":\"XX\"",
                        "[masked: " + PERSONAL.length() + " chars, id ",
                        "accepted_values_country")
                .doesNotContain(PERSONAL);
        assertThat(reference.get(EvidenceKeys.SHA256)).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(reference.get(EvidenceKeys.ROWS)).isEqualTo(1);
        assertThat(checks(test))
                .filteredOn(check -> "accepted_values_country".equals(check.get(EvidenceKeys.CHECK)))
                .singleElement()
                .satisfies(check -> assertThat(check)
                        .containsEntry(EvidenceKeys.SAMPLE_ROWS, 1)
                        .doesNotContainKey(EvidenceKeys.SAMPLE));

        // the person asks to be forgotten: the file goes, the chain stays intact
        Files.delete(file);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void shouldWriteNoSampleFileWhenSamplesAreOff() {
        assertThat(dataOps.test(TestRequest.of("dev").withSampleSize(0)).breached())
                .isTrue();

        assertThat(lastTestRecord().event().evidence()).doesNotContainKey(EvidenceKeys.SAMPLE_FILE);
        assertThat(spec.stateDir().resolve(SampleFiles.FOLDER)).doesNotExist();
    }

    private GovernanceRecord lastTestRecord() {
        try {
            List<String> lines = Files.readAllLines(ledger.file());
            for (int i = lines.size() - 1; i >= 0; i--) {
                GovernanceRecord record = RecordCodec.fromJson(lines.get(i));
                if (record.event().action().equals("test")) {
                    return record;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no test record");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(final GovernanceRecord record) {
        return (List<Map<String, Object>>) record.event().evidence().get(EvidenceKeys.CHECKS);
    }

    private static String sha256(final byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
