package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.H2Connections;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad and hostile input through the facade, on the example product and real H2: every case is refused as bad
 * input (exit 2 on the command line) before anything changes or is recorded.
 */
class HostileInputTest {
    @TempDir
    private Path dir;

    private ExampleProduct product;
    private MemoryLedger ledger;

    @BeforeEach
    void copyTheExample() {
        product = ExampleProduct.onH2(dir);
        ledger = new MemoryLedger();
    }

    private DataOps dataOps(final String actor) {
        return new DataOps(
                SpecLoader.load(product.spec()),
                new Session(actor, "test", new MapCredentialsResolver(), ProgressListener.NONE, ledger));
    }

    @ParameterizedTest(name = "approver {0}")
    @ValueSource(
            strings = {
                "alice\u00A0", // trailing no-break space
                "al\u200Bice", // zero-width space
                "\u0430lice", // Cyrillic a
                "\uFF41\uFF4C\uFF49\uFF43\uFF45", // fullwidth letters
                "\u0430l\u0456\u0441\u0435" // Cyrillic a, i, c, e
            })
    void shouldRefuseSelfApprovalUnderALookAlikeName(final String approver) {
        // Given 1.0.0 tested in dev and promoted to qat by alice
        DataOps alice = dataOps("alice");
        for (String env : List.of("dev", "qat", "prod")) {
            alice.provision(ProvisionRequest.of(env));
        }
        alice.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        alice.test(TestRequest.of("dev"));
        alice.promote(PromoteRequest.of("1.0.0", "dev", "qat"));

        // When alice approves her own promotion into the protected prod under a look-alike spelling
        // Then it is refused: as self-approval, or (invisible characters) as an unprintable name
        assertThatThrownBy(() ->
                        alice.promote(PromoteRequest.of("1.0.0", "qat", "prod").withApprovedBy(approver)))
                .isInstanceOfAny(OperationRefusedException.class, InvalidInputException.class)
                .hasMessageFindingMatch("cannot approve their own promotion|use printable characters only");
        assertThat(alice.history(HistoryRequest.of("prod")).releases()).isEmpty();
    }

    @ParameterizedTest(name = "actor {0}")
    @ValueSource(strings = {"alice\u001B[2J", "alice\nrecord forged", "alice\r", "ali\u200Dce", "alice\u0007"})
    void shouldRefuseAnActorWithControlCharacters(final String actor) {
        assertThatThrownBy(() -> dataOps(actor))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--actor")
                .hasMessageContaining("use printable characters only")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001B", "\n", "\r", "\u0007"));
    }

    @ParameterizedTest(name = "env {0}")
    @ValueSource(strings = {"dev\u001B]0;pwned\u0007", "dev\nINFO forged line", "dev\u2028"})
    void shouldRefuseAnEnvironmentNameWithControlCharactersAndRecordNothing(final String env) {
        assertThatThrownBy(() -> dataOps("alice").provision(ProvisionRequest.of(env)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'environment'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001B", "\n", "\u2028"));
        assertThat(ledger.records()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "jdbc:postgresql://db:5432/postgres?user=admin&pass%77ord=hunter2",
                "jdbc:postgresql://db:5432/postgres?user=admin&%70assword=hunter2",
                "jdbc:postgresql://admin:hunter2@db:5432/postgres",
                "jdbc:sqlserver://db;user=admin;PWD=hunter2"
            })
    void shouldRefuseAUrlThatCarriesAPasswordInAnySpelling(final String url) throws IOException {
        // Given
        Files.writeString(
                product.spec(),
                product.readSpec()
                        .replaceFirst(
                                "(?m)^  qat:\\n    provider: h2\\n",
                                "  qat:\n    provider: postgres\n    url: " + url + "\n    credentials: qat-admin\n"));

        // When / Then the key is named and the password is not echoed
        assertThatThrownBy(() -> SpecLoader.load(product.spec()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'url' must not carry a password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void shouldRefuseAHugeSpecBeforeParsingIt() throws IOException {
        // Given a 15 MB spec (a valid head and a huge comment)
        try (RandomAccessFile file = new RandomAccessFile(product.spec().toFile(), "rw")) {
            file.seek(file.length());
            file.write("\n#".getBytes(StandardCharsets.US_ASCII));
            file.setLength(15L << 20);
        }

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(product.spec()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Spec '" + product.spec().toAbsolutePath().normalize() + "' is 15728640 bytes")
                .hasMessageContaining("limit of 1048576 bytes");
    }

    @Test
    void shouldNameTheKeyAndLineOfAnOverflowingDuration() throws IOException {
        // Given
        Files.writeString(product.spec(), product.readSpec() + "lockTimeout: 99999999999999999999d\n");

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(product.spec()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'lockTimeout'")
                .hasMessageContaining("too large");
    }

    @Test
    void shouldRefuseASymlinkedH2FileIntoAForeignDatabase() throws IOException, SQLException {
        // Given a foreign H2 database with a table, and dev's database file a link to it
        Path foreign = dir.resolve("foreign");
        try (Connection c = H2Connections.open("jdbc:h2:file:" + foreign);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE payroll (id INT)");
        }
        Path h2 = dir.resolve(".dataops/h2");
        Files.createDirectories(h2);
        Files.createSymbolicLink(h2.resolve("dev.mv.db"), dir.resolve("foreign.mv.db"));

        // When / Then neither provision nor migrate opens it
        assertThatThrownBy(() -> dataOps("alice").provision(ProvisionRequest.of("dev")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("is a symbolic link");
        assertThatThrownBy(() -> dataOps("alice").migrate(MigrateRequest.of("dev")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("is a symbolic link");
        try (Connection c = H2Connections.open("jdbc:h2:file:" + foreign);
                ResultSet r = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString("TABLE_NAME")).isEqualTo("PAYROLL");
            assertThat(r.next()).isFalse();
        }
    }
}
