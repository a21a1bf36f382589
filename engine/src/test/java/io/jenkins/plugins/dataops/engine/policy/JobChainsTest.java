package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobChainsTest {
    private static List<GovernanceRecord> call(final String environment, final int count) {
        MemoryLedger ledger = new MemoryLedger();
        for (int i = 0; i < count; i++) {
            ledger.append(new GovernanceEvent(
                    "alice", Action.MIGRATE, "customer", environment, "", Outcome.SUCCESS, "job/1", Map.of("i", i)));
        }
        return ledger.records();
    }

    @Test
    void shouldContinueTheJobsChainAfterItsHead() {
        // Given two calls, each chained on its own
        List<GovernanceRecord> job = new ArrayList<>(JobChains.chain(null, call("dev", 2)));

        // When
        job.addAll(JobChains.chain(job.get(1), call("qa", 2)));

        // Then
        assertThat(job).extracting(GovernanceRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(job.get(2).prev()).isEqualTo(job.get(1).hash());
        assertThat(JobChains.verify(job).intact()).isTrue();
    }

    @Test
    void shouldFindAnEditedRecord() {
        // Given
        List<GovernanceRecord> job = new ArrayList<>(JobChains.chain(null, call("dev", 3)));
        GovernanceRecord second = job.get(1);
        GovernanceEvent event = second.event();
        job.set(
                1,
                new GovernanceRecord(
                        second.sequence(),
                        second.timeMillis(),
                        new GovernanceEvent(
                                "mallory",
                                event.action(),
                                event.product(),
                                event.environment(),
                                event.release(),
                                event.outcome(),
                                event.buildRef(),
                                event.evidence()),
                        second.prev(),
                        second.hash()));

        // When
        LedgerVerification verification = JobChains.verify(job);

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
    }

    @Test
    void shouldFindAMissingRecord() {
        List<GovernanceRecord> job = new ArrayList<>(JobChains.chain(null, call("dev", 3)));
        job.remove(0);
        LedgerVerification verification = JobChains.verify(job);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(1);
    }

    @Test
    void shouldVerifyTheNewestPartOfAJobsChain() {
        // Given a job whose oldest build was discarded
        List<GovernanceRecord> job = new ArrayList<>(JobChains.chain(null, call("dev", 4)));
        List<GovernanceRecord> kept = job.subList(2, 4);

        // Then the kept part verifies, and a gap inside it does not
        assertThat(JobChains.verifyAll(Map.of("customer", kept)).intact()).isTrue();
        List<GovernanceRecord> gap = List.of(job.get(1), job.get(3));
        LedgerVerification verification = JobChains.verifyAll(Map.of("customer", gap));
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).startsWith("in 'customer', expected sequence 3 but found 4");
    }

    @Test
    void shouldFindAnEditedFirstRecordOfAPart() {
        List<GovernanceRecord> job = JobChains.chain(null, call("dev", 3));
        GovernanceRecord second = job.get(1);
        GovernanceRecord edited = new GovernanceRecord(
                second.sequence(), second.timeMillis() + 1, second.event(), second.prev(), second.hash());
        assertThat(JobChains.verifyAll(Map.of("j", List.of(edited, job.get(2)))).firstBroken())
                .isEqualTo(1);
    }
}
