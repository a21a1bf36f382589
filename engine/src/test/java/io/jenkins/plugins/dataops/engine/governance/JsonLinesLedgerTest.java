package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesLedgerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    private Path dir;

    @Test
    void shouldChainRecordsAndReadThemBack() {
        // Given
        JsonLinesLedger ledger = ledger();

        // When
        GovernanceRecord first = ledger.append(event("alice", "provision"));
        GovernanceRecord second = ledger.append(event("bob", "migrate"));
        GovernanceRecord third = ledger.append(event("carol", "destroy"));

        // Then
        assertThat(List.of(first, second, third))
                .extracting(GovernanceRecord::sequence)
                .containsExactly(1L, 2L, 3L);
        assertThat(first.prev()).isEqualTo(GovernanceRecord.GENESIS);
        assertThat(second.prev()).isEqualTo(first.hash());
        assertThat(third.prev()).isEqualTo(second.hash());
        assertThat(first.hash()).matches("[0-9a-f]{64}").isEqualTo(RecordCodec.hash(first));
        assertThat(first.timeMillis()).isEqualTo(CLOCK.millis());
        assertThat(read(ledger)).containsExactly(first, second, third);
        assertThat(ledger.verify()).isEqualTo(new LedgerVerification(true, 3, 0, ""));
        assertThat(ledger.verify().describe()).isEqualTo("Ledger intact: 3 records verified.");
    }

    @Test
    void shouldContinueTheChainFromAnotherInstanceOnTheSameFile() {
        // Given
        GovernanceRecord first = ledger().append(event("alice", "provision"));

        // When
        GovernanceRecord second = ledger().append(event("bob", "migrate"));

        // Then
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.prev()).isEqualTo(first.hash());
        assertThat(ledger().verify().intact()).isTrue();
    }

    @Test
    void shouldVerifyAnEmptyLedgerAsIntact() {
        // Given
        JsonLinesLedger ledger = ledger();

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification).isEqualTo(new LedgerVerification(true, 0, 0, ""));
        assertThat(read(ledger)).isEmpty();
    }

    @Test
    void shouldDetectAnEditedField() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        lines.set(1, lines.get(1).replace("\"actor\":\"bob\"", "\"actor\":\"eve\""));
        write(ledger, lines);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.describe())
                .isEqualTo(
                        "Ledger BROKEN at record 2 of 3: its content does not match its hash (the record was edited)");
    }

    @Test
    void shouldDetectOneFlippedByte() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        byte[] bytes = Files.readAllBytes(ledger.file());
        int position = indexOf(bytes, "\"action\":\"migrate\"") + "\"action\":\"m".length();
        bytes[position] ^= 0x01; // 'i' becomes 'h'
        Files.write(ledger.file(), bytes);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.problem()).contains("content does not match its hash");
    }

    @Test
    void shouldDetectAByteThatIsNoLongerValidUtf8() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        byte[] bytes = Files.readAllBytes(ledger.file());
        bytes[indexOf(bytes, "\"actor\":\"bob\"") + "\"actor\":\"b".length()] ^= (byte) 0x80;
        Files.write(ledger.file(), bytes);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
    }

    @Test
    void shouldDetectAForgedRecordWhoseHashWasRecomputed() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        GovernanceRecord original = RecordCodec.fromJson(lines.get(1));
        GovernanceEvent forged = new GovernanceEvent(
                "eve",
                original.event().action(),
                original.event().product(),
                original.event().environment(),
                original.event().release(),
                original.event().outcome(),
                original.event().buildRef(),
                original.event().evidence());
        GovernanceRecord unhashed = new GovernanceRecord(2, original.timeMillis(), forged, original.prev(), "");
        lines.set(
                1,
                RecordCodec.toJson(new GovernanceRecord(
                        2, original.timeMillis(), forged, original.prev(), RecordCodec.hash(unhashed))));
        write(ledger, lines);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.firstBroken()).isEqualTo(3);
        assertThat(verification.problem()).contains("its 'prev' does not match the hash of record 2");
    }

    @Test
    void shouldDetectADeletedMiddleRecord() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        lines.remove(1);
        write(ledger, lines);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.problem()).contains("expected sequence 2 but found 3");
    }

    @Test
    void shouldDetectReorderedRecords() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        lines.add(1, lines.remove(2));
        write(ledger, lines);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.problem())
                .contains("expected sequence 2 but found 3")
                .contains("reordered");
    }

    @Test
    void shouldDetectAPartiallyTruncatedLastRecord() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        String text = Files.readString(ledger.file());
        Files.writeString(ledger.file(), text.substring(0, text.length() - 40));

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.firstBroken()).isEqualTo(3);
        assertThat(verification.problem()).contains("line is not a complete record");
    }

    @Test
    void shouldDetectTheLastRecordRemovedThroughTheHeadFile() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        write(ledger, lines.subList(0, 2));

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(3);
        assertThat(verification.problem()).contains("the ledger ends at record 2 but 3 were written");
    }

    @Test
    void shouldDetectSeveralRecordsRemovedFromTheEnd() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        write(ledger, lines(ledger).subList(0, 1));

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.describe())
                .contains("BROKEN at record 2 of 1")
                .contains("the ledger ends at record 1 but 3 were written");
    }

    @Test
    void shouldDetectAnEmptiedLedger() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        Files.delete(ledger.file());

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(1);
    }

    @Test
    void shouldDetectAMissingHeadFile() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        Files.delete(headOf(ledger));

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("the head file 'ledger.jsonl.head' is missing");
    }

    @Test
    void shouldDetectALastRecordReplacedAfterTheHeadWasWritten() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        GovernanceRecord second = RecordCodec.fromJson(lines.get(1));
        lines.set(2, RecordCodec.toJson(RecordCodec.chain(second, event("eve", "destroy"), CLOCK.millis())));
        write(ledger, lines);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("the last record's hash differs from the one the head file");
    }

    @Test
    void shouldReportADamagedHeadFileAsABrokenChain() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        Files.writeString(headOf(ledger), "three records\n");

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(4);
        assertThat(verification.problem()).contains("the head file 'ledger.jsonl.head' is damaged");
    }

    @Test
    void shouldChainAfterALastRecordLongerThanTheTailItReads() {
        // Given a record whose evidence is larger than what an append reads from the end of the file
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        ledger.append(new GovernanceEvent(
                "alice",
                Action.TEST,
                "customer",
                "dev",
                "1.0.0",
                Outcome.PASSED,
                "cli",
                java.util.Map.of(EvidenceKeys.SAMPLE, "x".repeat(400_000))));

        // When
        GovernanceRecord next = ledger.append(new GovernanceEvent(
                "alice", Action.MIGRATE, "customer", "dev", "1.1.0", Outcome.SUCCESS, "cli", java.util.Map.of()));

        // Then
        assertThat(next.sequence()).isEqualTo(5);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void shouldNameTheLineThatIsNotARecordWhenReading() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = lines(ledger);
        lines.set(1, "{\"not\":\"a record\"}");
        write(ledger, lines);

        // When / Then
        assertThatThrownBy(() -> read(ledger))
                .isInstanceOf(DataOpsException.class)
                .hasMessageContaining("Ledger '" + ledger.file() + "' line 2 is not a valid record");
    }

    @Test
    void shouldKeepAValidChainWhenThreadsAppendConcurrently() throws Exception {
        // Given
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "thread-" + t;
            JsonLinesLedger own = ledger(); // each thread its own instance, as separate steps would have
            work.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    own.append(event(actor, "migrate"));
                }
                return null;
            });
        }

        // When
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        // Then
        JsonLinesLedger ledger = ledger();
        assertThat(ledger.verify()).isEqualTo(new LedgerVerification(true, threads * perThread, 0, ""));
        assertThat(read(ledger))
                .extracting(r -> r.event().actor())
                .hasSize(threads * perThread)
                .containsOnly("thread-0", "thread-1", "thread-2", "thread-3");
    }

    private JsonLinesLedger ledger() {
        return new JsonLinesLedger(dir.resolve(".dataops").resolve(JsonLinesLedger.FILE_NAME), CLOCK);
    }

    private JsonLinesLedger ledgerWithThreeRecords() {
        JsonLinesLedger ledger = ledger();
        ledger.append(event("alice", "provision"));
        ledger.append(event("bob", "migrate"));
        ledger.append(event("carol", "destroy"));
        assertThat(ledger.verify().intact()).isTrue();
        return ledger;
    }

    static GovernanceEvent event(final String actor, final String action) {
        return new GovernanceEvent(
                actor,
                action,
                "customer",
                "dev",
                "1.0.0",
                "success",
                "cli",
                Map.of("plan", "1 to create", "changeSets", List.of(Map.of("id", "1", "checksum", "9:abc"))));
    }

    private static List<GovernanceRecord> read(final Ledger ledger) {
        List<GovernanceRecord> records = new ArrayList<>();
        ledger.forEach(records::add);
        return records;
    }

    private static List<String> lines(final JsonLinesLedger ledger) throws IOException {
        return new ArrayList<>(Files.readAllLines(ledger.file(), StandardCharsets.UTF_8));
    }

    private static void write(final JsonLinesLedger ledger, final List<String> lines) throws IOException {
        Files.write(ledger.file(), lines, StandardCharsets.UTF_8);
    }

    private static Path headOf(final JsonLinesLedger ledger) {
        return ledger.file().resolveSibling(JsonLinesLedger.FILE_NAME + ".head");
    }

    private static int indexOf(final byte[] bytes, final String text) {
        int index = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
        assertThat(index).as("position of %s", text).isNotNegative();
        return index;
    }
}
