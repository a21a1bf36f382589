package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger key over a job's chain of flattened, masked records, as the Jenkins controller keeps them. */
class KeyedChainsTest {
    private static final LedgerKey KEY = LedgerKey.of("test", "0123456789abcdef0123456789abcdef");
    private static final LedgerKey OTHER_KEY = LedgerKey.of("test", "fedcba9876543210fedcba9876543210");

    /** Records as a step's call produces them, flattened and masked, then chained into the job's chain. */
    private static List<GovernanceRecord> jobChain() {
        MemoryLedger ledger = new MemoryLedger();
        for (int i = 0; i < 3; i++) {
            ledger.append(new GovernanceEvent(
                    "alice",
                    Action.MIGRATE,
                    "customer",
                    "dev",
                    "1.0." + i,
                    Outcome.SUCCESS,
                    "job/1",
                    Map.of("changeSets", List.of("a", "b"), "login", "s3cret-pw", "nested", Map.of("i", i))));
        }
        List<GovernanceRecord> flattened = ledger.records().stream()
                .map(record -> RecordFlattening.masked(record, List.of("s3cret-pw")))
                .toList();
        return JobChains.chain(null, flattened);
    }

    private static Map<String, List<GovernanceRecord>> job(final List<GovernanceRecord> records) {
        return Map.of("team/app", records);
    }

    @Test
    void shouldVerifyTheMacsOfFlattenedRecordsWithTheKey() {
        // Given
        List<GovernanceRecord> records = jobChain();

        // When
        LedgerVerification result = KeyedChains.verify(job(records), KeyedChains.macs(KEY, records), KEY);

        // Then
        assertThat(result.intact()).isTrue();
        assertThat(result.keyed()).isTrue();
        assertThat(result.records()).isEqualTo(3);
        assertThat(records.get(0).event().evidence()).containsEntry("login", RecordFlattening.MASK);
    }

    @Test
    void shouldFindARecordRewrittenAndRehashedWithoutTheKey() {
        // Given: someone with write access to build.xml edits record 2 and re-chains everything after it
        List<GovernanceRecord> records = jobChain();
        Map<String, String> macs = KeyedChains.macs(KEY, records);
        GovernanceEvent edited = new GovernanceEvent(
                "mallory", Action.MIGRATE, "customer", "dev", "1.0.1", Outcome.SUCCESS, "job/1", Map.of());
        List<GovernanceRecord> forged = new ArrayList<>(records.subList(0, 1));
        forged.addAll(
                JobChains.chain(records.get(0), List.of(new GovernanceRecord(0, 0, edited, "", ""), records.get(2))));

        // When
        LedgerVerification unkeyed = KeyedChains.verify(job(forged), macs, null);
        LedgerVerification keyed = KeyedChains.verify(job(forged), macs, KEY);

        // Then: the hash chain alone is fooled, the key is not
        assertThat(unkeyed.intact()).isTrue();
        assertThat(unkeyed.keyed()).isFalse();
        assertThat(keyed.intact()).isFalse();
        assertThat(keyed.firstBroken()).isEqualTo(2);
        assertThat(keyed.problem()).startsWith("in 'team/app', record 2 carries no MAC");
    }

    @Test
    void shouldRefuseForgedMacsAndAnotherKey() {
        // Given
        List<GovernanceRecord> records = jobChain();
        Map<String, String> forged = new LinkedHashMap<>(KeyedChains.macs(OTHER_KEY, records));

        // When
        LedgerVerification result = KeyedChains.verify(job(records), forged, KEY);

        // Then
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(1);
        assertThat(result.problem()).contains("record 1's MAC does not match");
    }

    @Test
    void shouldReportABrokenChainBeforeTheMacs() {
        // Given: record 2 deleted
        List<GovernanceRecord> records = new ArrayList<>(jobChain());
        Map<String, String> macs = KeyedChains.macs(KEY, records);
        records.remove(1);

        // When
        LedgerVerification result = KeyedChains.verify(job(records), macs, KEY);

        // Then
        assertThat(result.intact()).isFalse();
        assertThat(result.keyed()).isTrue();
        assertThat(result.problem()).startsWith("in 'team/app'");
    }
}
