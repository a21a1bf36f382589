package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataOpsSecretsITest {
    private static final String WRONG_PASSWORD = "Not-The-Password-31337";

    @TempDir
    private Path dir;

    @Test
    void shouldKeepAWrongPasswordOutOfMessagesLedgerAndProgress() throws Exception {
        // Given
        PostgresServer server = PostgresServer.get();
        DataProductSpec spec = SpecLoader.load(
                ExampleProduct.copyWithSpec("customer", dir, """
                product: secrets
                changelog: db/changelog.yaml
                environments:
                  qat:
                    provider: postgres
                    url: %s
                    credentials: qat-admin
                """.formatted(server.jdbcUrl("postgres"))));
        List<String> progress = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(final String message) {
                progress.add(message);
            }

            @Override
            public void warn(final String message) {
                progress.add(message);
            }

            @Override
            public void error(final String message) {
                progress.add(message);
            }
        };
        JsonLinesLedger ledger = DataOps.fileLedger(spec, Clock.systemUTC());
        DataOps dataOps = new DataOps(
                spec,
                new Session(
                        "alice",
                        "cli",
                        new MapCredentialsResolver()
                                .withLogin("qat-admin", new UsernamePassword(PostgresServer.SUPERUSER, WRONG_PASSWORD)),
                        listener,
                        ledger));

        // When
        Throwable provision = catchThrowable(() -> dataOps.provision(ProvisionRequest.of("qat")));
        Throwable migrate = catchThrowable(() -> dataOps.migrate(MigrateRequest.of("qat")));
        Throwable status =
                catchThrowable(() -> dataOps.status(StatusRequest.of("qat")).status());

        // Then
        assertThat(provision)
                .isInstanceOf(DataOpsException.class)
                .hasMessageContaining("password authentication failed");
        assertThat(migrate).isInstanceOf(DataOpsException.class).hasMessageContaining("password authentication failed");
        assertThat(status).isInstanceOf(DataOpsException.class);
        for (Throwable failure : List.of(provision, migrate, status)) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(WRONG_PASSWORD);
        }
        assertThat(Files.readString(ledger.file()))
                .contains("\"outcome\":\"failed\"")
                .doesNotContain(WRONG_PASSWORD);
        // Both operations are recorded (an intent the provision wrote before it failed is settled, not left open)
        List<GovernanceRecord> records = new ArrayList<>();
        ledger.forEach(records::add);
        assertThat(records)
                .filteredOn(r -> !"intent".equals(r.event().outcome()))
                .extracting(r -> r.event().action())
                .containsExactly("provision", "migrate");
        assertThat(ledger.openIntents()).isEmpty();
        assertThat(ledger.verify().records()).isEqualTo(records.size());
        assertThat(progress).noneMatch(line -> line.contains(WRONG_PASSWORD));
    }
}
