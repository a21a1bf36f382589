package io.jenkins.plugins.dataops.model;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.report.GovernanceIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** Build records (and their chain) are stored in build.xml and come back after a restart. */
class RecordsSurviveRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldKeepRecordsAndChainAcrossRestarts() throws Throwable {
        List<String> hashes = new ArrayList<>();
        sessions.then(j -> {
            FreeStyleProject job = j.createFreeStyleProject("customer");
            FreeStyleBuild build = j.buildAndAssertSuccess(job);
            LinkedHashMap<String, Object> evidence = new LinkedHashMap<>();
            evidence.put(EvidenceKeys.CHANGE_SETS, 3);
            evidence.put("tables", new ArrayList<>(List.of("customer", "address")));
            GovernanceEvent event = new GovernanceEvent(
                    "alice",
                    Action.MIGRATE,
                    "customer",
                    "qat",
                    "1.0",
                    Outcome.SUCCESS,
                    build.getExternalizableId(),
                    evidence);
            List<GovernanceEntry> chained = GovernanceIndex.get()
                    .record(build, List.of(GovernanceEntry.of(RecordCodec.chain(null, event, 1L))));
            hashes.add(chained.get(0).getHash());
        });
        sessions.then(j -> {
            FreeStyleBuild build = j.jenkins
                    .getItemByFullName("customer", FreeStyleProject.class)
                    .getBuildByNumber(1);
            GovernanceRunAction action = build.getAction(GovernanceRunAction.class);

            assertThat(action.getEntries()).hasSize(1);
            GovernanceEntry entry = action.getEntries().get(0);
            assertThat(entry.getHash()).isEqualTo(hashes.get(0));
            assertThat(RecordCodec.hash(entry.toRecord())).isEqualTo(entry.getHash());
            assertThat(entry.getEvidence()).containsEntry("changeSets", 3);
            assertThat(action.getRun()).isSameAs(build);
        });
    }
}
