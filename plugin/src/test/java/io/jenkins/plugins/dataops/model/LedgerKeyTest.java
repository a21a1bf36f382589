package io.jenkins.plugins.dataops.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.util.Secret;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** With a ledger key configured, the records of a build carry MACs and its page verifies them. */
@WithJenkins
class LedgerKeyTest {
    private static List<GovernanceEntry> records() {
        MemoryLedger ledger = new MemoryLedger();
        ledger.append(new GovernanceEvent(
                "alice", Action.MIGRATE, "customer", "dev", "1.0.0", Outcome.SUCCESS, "job/1", Map.of("n", 1)));
        List<GovernanceEntry> raw =
                ledger.records().stream().map(GovernanceEntry::of).toList();
        return JobChain.chain(ChainHead.EMPTY, raw);
    }

    private static void configureKey() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.SYSTEM,
                        "ledger-key",
                        "",
                        Secret.fromString("0123456789abcdef0123456789abcdef")));
        SystemCredentialsProvider.getInstance().save();
        DataOpsConfiguration.get().setLedgerKeyCredentialsId("ledger-key");
    }

    @Test
    void shouldSayUnkeyedWithoutAKeyAndKeyedWithOne(final JenkinsRule j) throws Exception {
        // Given a build recorded without a key
        FreeStyleBuild before = j.buildAndAssertSuccess(j.createFreeStyleProject("before"));
        GovernanceRunAction.of(before).add(records());
        assertThat(GovernanceRunAction.of(before).getReportHtml())
                .contains("Unkeyed: detects accidents, not someone with write access");

        // When a key is configured and another build records
        configureKey();
        FreeStyleBuild after = j.buildAndAssertSuccess(j.createFreeStyleProject("after"));
        GovernanceRunAction.of(after).add(records());

        // Then the new build verifies with the key; the old one's records carry no MAC
        assertThat(GovernanceRunAction.of(after).getReportHtml()).contains("Keyed: every record");
        assertThat(GovernanceRunAction.of(before).getReportHtml()).contains("carries no MAC");
    }
}
