package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.StepLedger;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records of one Jenkins step survive the step: written to a file as they happen, collected once. */
class StepLedgerCollectorTest {
    private static final String ID = "step-1";
    private static final String ABORTED = "the build was aborted";

    @TempDir
    private Path dir;

    private final List<String> console = new ArrayList<>();

    @Test
    void shouldCollectARealMigrationsRecordsInOrderEachWithItsOrigin() throws Exception {
        StepLedger ledger = ledger();
        DataOps dataOps = new DataOps(SpecLoader.load(ExampleProduct.copy("customer", dir)), session(ledger));

        try (Closeable running = ledger.running()) {
            dataOps.provision(ProvisionRequest.of("dev"));
            dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        }
        StepLedgerCollector.Collected collected = collect(ledger, Duration.ZERO);

        assertThat(collected.records())
                .extracting(r -> r.event().action() + ":" + r.event().outcome())
                .containsExactly("provision:intent", "provision:success", "migrate:intent", "migrate:success");
        assertThat(collected.records())
                .extracting(r -> r.event().evidence().get(EvidenceKeys.STEP_LEDGER))
                .containsExactly(
                        origin(1, collected.records().get(0).hash()),
                        origin(2, collected.records().get(1).hash()),
                        origin(3, collected.records().get(2).hash()),
                        origin(4, collected.records().get(3).hash()));
        assertThat(collected.interrupted()).isZero();
        assertThat(collected.stillRunning()).isFalse();
        assertThat(ledger.isComplete())
                .as("a step ledger vouches for nothing alone")
                .isFalse();
    }

    @Test
    void shouldSettleAnIntentLeftOpenAsInterruptedOnlyOnceWhenCollectedTwice() throws Exception {
        StepLedger ledger = ledger();
        GovernanceRecord intent = ledger.append(intent());

        StepLedgerCollector.Collected first = collect(ledger, Duration.ZERO);
        StepLedgerCollector.Collected second = collect(ledger, Duration.ZERO);

        assertThat(first.interrupted()).isOne();
        assertThat(first.records()).extracting(r -> r.event().outcome()).containsExactly("intent", "interrupted");
        GovernanceEvent settled = first.records().get(1).event();
        assertThat(settled.action()).isEqualTo("migrate");
        assertThat(settled.environment()).isEqualTo("qat");
        assertThat(settled.actor()).isEqualTo("alice");
        assertThat(settled.evidence())
                .containsEntry(EvidenceKeys.REASON, ABORTED)
                .containsEntry(EvidenceKeys.INTENT, Map.of(EvidenceKeys.SEQUENCE, 1, EvidenceKeys.HASH, intent.hash()))
                .doesNotContainKey(EvidenceKeys.CHANGE_SETS); // not known where the step ledger is collected
        assertThat(second.interrupted()).isZero();
        assertThat(second.records()).isEqualTo(first.records());
        assertThat(console).anyMatch(line -> line.contains("Ledger record 1 (migrate of 'qat') has no outcome"));
    }

    @Test
    void shouldStoreEachRecordOnceWhenACrashCameBetweenStoringAndDeletingTheLedger() throws Exception {
        StepLedger ledger = ledger();
        ledger.append(intent());
        List<GovernanceRecord> build = new ArrayList<>(
                StepLedgerCollector.unseen(collect(ledger, Duration.ZERO).records(), List.of()));

        // the controller stored the records, then crashed before deleting the ledger: it is collected again
        List<GovernanceRecord> again =
                StepLedgerCollector.unseen(collect(ledger, Duration.ZERO).records(), evidenceOf(build));
        GovernanceRecord later = ledger.append(intent());
        List<GovernanceRecord> afterMore =
                StepLedgerCollector.unseen(collect(ledger, Duration.ZERO).records(), evidenceOf(build));

        assertThat(build).hasSize(2);
        assertThat(again).isEmpty();
        assertThat(afterMore)
                .extracting(GovernanceRecord::sequence)
                .containsExactly(later.sequence(), later.sequence() + 1);
    }

    @Test
    void shouldTellRecordsOfAnotherStepLedgerApartFromStoredOnes() throws Exception {
        StepLedger ledger = ledger();
        ledger.append(intent());
        List<GovernanceRecord> stored = collect(ledger, Duration.ZERO).records();
        StepLedger other = new StepLedger(dir.resolve("other.jsonl"), Clock.systemUTC());
        other.append(intent());

        List<GovernanceRecord> fresh = StepLedgerCollector.unseen(
                new StepLedgerCollector(ProgressListener.NONE)
                        .collect(other, "step-2", ABORTED, Duration.ZERO)
                        .records(),
                evidenceOf(stored));

        assertThat(fresh).hasSize(2); // same sequence numbers, another step ledger: not a duplicate
    }

    @Test
    void shouldWaitForACallStillWritingTheLedgerAndCollectItsOutcome() throws Exception {
        StepLedger ledger = ledger();
        GovernanceRecord intent = ledger.append(intent());
        Closeable running = ledger.running();
        // The call finishes while the collector waits: it writes its outcome and lets go of the ledger.
        ProgressListener finishing = new Console() {
            @Override
            public void info(final String message) {
                super.info(message);
                ledger.append(outcome(intent));
                close(running);
            }
        };

        StepLedgerCollector.Collected collected =
                new StepLedgerCollector(finishing).collect(ledger, ID, ABORTED, Duration.ofMinutes(5));

        assertThat(collected.stillRunning()).isFalse();
        assertThat(collected.interrupted()).isZero();
        assertThat(collected.records()).extracting(r -> r.event().outcome()).containsExactly("intent", "success");
        assertThat(console).anyMatch(line -> line.contains("still writes its records; waiting"));
    }

    @Test
    void shouldSettleWhatARunningCallLeftOpenWhenThePatienceRunsOut() throws Exception {
        StepLedger ledger = ledger();
        ledger.append(intent());

        try (Closeable running = ledger.running()) {
            StepLedgerCollector.Collected collected = collect(ledger, Duration.ZERO);

            assertThat(collected.stillRunning()).isTrue();
            assertThat(collected.interrupted()).isOne();
        }
        assertThat(ledger.isRunning()).isFalse();
    }

    @Test
    void shouldRefuseASecondCallOnALedgerThatIsStillWritten() throws Exception {
        StepLedger ledger = ledger();

        try (Closeable running = ledger.running()) {
            assertThat(ledger.isRunning()).isTrue();
            assertThatThrownBy(ledger::running)
                    .isInstanceOf(DataOpsException.class)
                    .hasMessage(
                            "The step ledger 'step-1.jsonl' is still written by an earlier call; wait for it to end.");
        }
    }

    @Test
    void shouldCollectTheRecordsBeforeALineACrashCutOffAndSettleTheirIntent() throws Exception {
        StepLedger ledger = ledger();
        ledger.append(intent());
        String complete = Files.readString(ledger.file());
        Files.writeString(ledger.file(), complete + complete.substring(0, complete.length() / 2));

        StepLedgerCollector.Collected collected = collect(ledger, Duration.ZERO);

        assertThat(collected.records())
                .extracting(r -> r.sequence() + ":" + r.event().outcome())
                .containsExactly("1:intent", "2:interrupted");
        assertThat(console).anyMatch(line -> line.contains("ended in a line cut off by a crash"));
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void shouldKeepALastRecordThatOnlyLostItsLineBreak() throws Exception {
        StepLedger ledger = ledger();
        ledger.append(intent());
        Files.writeString(ledger.file(), Files.readString(ledger.file()).strip());

        assertThat(ledger.dropTornEnd()).isFalse();
        assertThat(collect(ledger, Duration.ZERO).records()).hasSize(2);
    }

    @Test
    void shouldCollectNothingFromALedgerThatWasNeverWritten() throws Exception {
        StepLedgerCollector.Collected collected = collect(ledger(), Duration.ZERO);

        assertThat(collected.records()).isEmpty();
        assertThat(collected.interrupted()).isZero();
    }

    @Test
    void shouldDeleteTheLedgerWithItsCompanionFiles() throws Exception {
        StepLedger ledger = ledger();
        try (Closeable running = ledger.running()) {
            ledger.append(intent());
        }

        ledger.delete();

        try (var left = Files.list(dir.resolve("ledgers"))) {
            assertThat(left).isEmpty();
        }
    }

    private StepLedger ledger() {
        return new StepLedger(dir.resolve("ledgers").resolve(ID + ".jsonl"), Clock.systemUTC());
    }

    private StepLedgerCollector.Collected collect(final StepLedger ledger, final Duration patience)
            throws InterruptedException {
        return new StepLedgerCollector(new Console()).collect(ledger, ID, ABORTED, patience);
    }

    private Session session(final StepLedger ledger) {
        return new Session("alice", "job/p/1/", new MapCredentialsResolver(), new Console(), ledger);
    }

    private static GovernanceEvent intent() {
        return new GovernanceEvent(
                "alice", Action.MIGRATE, "customer", "qat", "1.1.0", Outcome.INTENT, "job/p/1/", Map.of());
    }

    private static GovernanceEvent outcome(final GovernanceRecord intent) {
        return new GovernanceEvent(
                "alice",
                Action.MIGRATE,
                "customer",
                "qat",
                "1.1.0",
                Outcome.SUCCESS,
                "job/p/1/",
                Recorder.settling(io.jenkins.plugins.dataops.engine.governance.Evidence.of(), intent));
    }

    private static Map<String, Object> origin(final long sequence, final String hash) {
        return Map.of(EvidenceKeys.ID, ID, EvidenceKeys.SEQUENCE, sequence, EvidenceKeys.HASH, hash);
    }

    private static List<Map<String, Object>> evidenceOf(final List<GovernanceRecord> records) {
        return records.stream().map(r -> r.event().evidence()).toList();
    }

    private static void close(final Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the collector says, as the build console would show it. */
    private class Console implements ProgressListener {
        @Override
        public void info(final String message) {
            console.add(message);
        }

        @Override
        public void warn(final String message) {
            console.add(message);
        }

        @Override
        public void error(final String message) {
            console.add(message);
        }
    }
}
