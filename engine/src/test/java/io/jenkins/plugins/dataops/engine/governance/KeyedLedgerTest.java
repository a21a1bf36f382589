package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed ledger against someone who can write its files but does not know the key: a rewrite with recomputed
 * SHA-256 hashes, removed MACs, a cut-off end with a matching head. Each verifies green without the key.
 */
class KeyedLedgerTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    private Path dir;

    private Path file;
    private JsonLinesLedger keyed;

    @BeforeEach
    void threeKeyedRecords() {
        file = dir.resolve(JsonLinesLedger.FILE_NAME);
        keyed = new JsonLinesLedger(file, Clock.systemUTC(), LedgerKey.of("DATAOPS_LEDGER_KEY", SECRET));
        for (String actor : List.of("alice", "bob", "carol")) {
            keyed.append(
                    new GovernanceEvent(actor, "migrate", "customer", "prod", "1.0.0", "success", "cli", Map.of()));
        }
    }

    @Test
    void shouldVerifyAnUntouchedLedgerWithTheKey() {
        LedgerVerification verification = keyed.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.keyed()).isTrue();
        assertThat(verification.describe()).isEqualTo("Ledger intact: 3 records verified with the ledger key.");
    }

    @Test
    void shouldDetectARewriteWithRecomputedHashes() throws IOException {
        // mallory replaces bob by mallory in record 2 and recomputes the hashes of records 2 and 3 and the head
        rewrite(2, "mallory");

        assertThat(new JsonLinesLedger(file, Clock.systemUTC()).verify().intact())
                .as("the unkeyed chain cannot tell")
                .isTrue();
        LedgerVerification verification = keyed.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.problem()).contains("its MAC does not match");
    }

    @Test
    void shouldDetectRemovedMacs() throws IOException {
        Files.delete(dir.resolve(JsonLinesLedger.FILE_NAME + ".mac"));

        LedgerVerification verification = keyed.verify();

        assertThat(verification.firstBroken()).isEqualTo(1);
        assertThat(verification.problem()).contains("carries no MAC although a ledger key is set");
    }

    @Test
    void shouldDetectACutOffEndWithAHeadToMatch() throws IOException {
        List<String> lines = Files.readAllLines(file);
        GovernanceRecord second = RecordCodec.fromJson(lines.get(1));
        Files.write(file, lines.subList(0, 2));
        Files.writeString(dir.resolve(JsonLinesLedger.FILE_NAME + ".head"), "2 " + second.hash() + " open=\n");

        LedgerVerification verification = keyed.verify();

        assertThat(new JsonLinesLedger(file, Clock.systemUTC()).verify().intact())
                .isTrue();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("the head file's MAC does not match");
    }

    @Test
    void shouldDetectAnotherKey() {
        JsonLinesLedger otherKey =
                new JsonLinesLedger(file, Clock.systemUTC(), LedgerKey.of("DATAOPS_LEDGER_KEY", SECRET + "x"));

        assertThat(otherKey.verify().problem()).contains("its MAC does not match");
    }

    @Test
    void shouldRefuseAShortKeyWithoutPrintingIt() {
        assertThatThrownBy(() -> LedgerKey.of("DATAOPS_LEDGER_KEY", "hunter2-secret"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("DATAOPS_LEDGER_KEY is too short (14 characters)")
                .hasMessageNotContaining("hunter2");
        assertThat(LedgerKey.of("k", SECRET).toString()).doesNotContain(SECRET);
    }

    /** Changes one record's actor and re-chains everything after it, as someone with write access can. */
    private void rewrite(final long sequence, final String actor) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> rewritten = new ArrayList<>();
        GovernanceRecord previous = null;
        for (String line : lines) {
            GovernanceRecord record = RecordCodec.fromJson(line);
            GovernanceEvent e = record.event();
            GovernanceEvent event = record.sequence() == sequence
                    ? new GovernanceEvent(
                            actor,
                            e.action(),
                            e.product(),
                            e.environment(),
                            e.release(),
                            e.outcome(),
                            e.buildRef(),
                            e.evidence())
                    : e;
            previous = RecordCodec.chain(previous, event, record.timeMillis());
            rewritten.add(RecordCodec.toJson(previous));
        }
        Files.write(file, rewritten);
        Files.writeString(
                dir.resolve(JsonLinesLedger.FILE_NAME + ".head"),
                previous.sequence() + " " + previous.hash() + " open=\n",
                StandardCharsets.UTF_8);
    }
}
