package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's integrity banner says what the verification is worth, with and without the ledger key. */
class ReportBannerCommandTest {
    private static final Map<String, String> KEYED =
            Map.of("DATAOPS_ACTOR", "alice", "DATAOPS_LEDGER_KEY", "0123456789abcdef0123456789abcdef");
    private static final Map<String, String> UNKEYED = Map.of("DATAOPS_ACTOR", "alice");

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void provisionWithAKeyedLedger() {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
        assertThat(CommandRun.of(spec, KEYED, "provision", "--env", "dev").code())
                .isZero();
    }

    @Test
    void shouldSayTheMacsWereVerifiedWithTheKeyAndWhatTheChainAloneDetectsWithout() throws IOException {
        Path keyed = dir.resolve("keyed.html");
        Path unkeyed = dir.resolve("unkeyed.html");

        assertThat(CommandRun.of(spec, KEYED, "report", "--out", keyed.toString())
                        .code())
                .isZero();
        assertThat(CommandRun.of(spec, UNKEYED, "report", "--out", unkeyed.toString())
                        .code())
                .isZero();

        assertThat(Files.readString(keyed))
                .contains("Chain verified", "Keyed: every record&#39;s MAC matches the ledger key")
                .doesNotContain("Unkeyed");
        assertThat(Files.readString(unkeyed))
                .contains("Chain verified", "Unkeyed: detects accidents, not someone with write access")
                .doesNotContain("MAC matches");
    }
}
