package io.jenkins.plugins.dataops.engine.governance;

import static io.jenkins.plugins.dataops.engine.governance.JsonLinesLedgerTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryLedgerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void shouldChainExactlyLikeTheFileLedger(@TempDir final Path dir) {
        // Given
        MemoryLedger memory = new MemoryLedger(CLOCK);
        JsonLinesLedger file = new JsonLinesLedger(dir.resolve("ledger.jsonl"), CLOCK);

        // When
        for (String actor : List.of("alice", "bob", "carol")) {
            memory.append(event(actor, "migrate"));
            file.append(event(actor, "migrate"));
        }

        // Then
        List<GovernanceRecord> fromFile = new ArrayList<>();
        file.forEach(fromFile::add);
        assertThat(memory.records()).containsExactlyElementsOf(fromFile);
        assertThat(memory.records().get(0).prev()).isEqualTo(GovernanceRecord.GENESIS);
        assertThat(memory.records().get(2).prev())
                .isEqualTo(memory.records().get(1).hash());
        assertThat(memory.verify()).isEqualTo(new LedgerVerification(true, 3, 0, ""));
    }

    @Test
    void shouldStreamACopySoThatConsumersMayAppend() {
        // Given
        MemoryLedger ledger = new MemoryLedger(CLOCK);
        ledger.append(event("alice", "provision"));

        // When
        ledger.forEach(r -> ledger.append(event("bob", "follow-up of " + r.sequence())));

        // Then
        assertThat(ledger.records()).extracting(r -> r.event().action()).containsExactly("provision", "follow-up of 1");
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void shouldSurviveSerialisationAndKeepChaining() throws Exception {
        // Given
        MemoryLedger ledger = new MemoryLedger(CLOCK);
        ledger.append(event("alice", "provision"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ledger);
        }

        // When
        MemoryLedger copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (MemoryLedger) in.readObject();
        }
        GovernanceRecord second = copy.append(event("bob", "migrate"));

        // Then
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.prev()).isEqualTo(ledger.records().get(0).hash());
        assertThat(copy.verify().intact()).isTrue();
    }

    @Test
    void shouldKeepAValidChainWhenThreadsAppendConcurrently() throws Exception {
        // Given
        MemoryLedger ledger = new MemoryLedger();
        ExecutorService pool = Executors.newFixedThreadPool(4);

        // When
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String actor = "thread-" + t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    ledger.append(event(actor, "test"));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        // Then
        assertThat(ledger.verify()).isEqualTo(new LedgerVerification(true, 400, 0, ""));
        assertThat(ledger.records())
                .extracting(GovernanceRecord::sequence)
                .isSorted()
                .doesNotHaveDuplicates();
    }
}
