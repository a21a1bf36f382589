package io.jenkins.plugins.dataops.report;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import java.util.LinkedHashMap;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Only auditors see the cross-job report, and only the records of jobs they can read. */
@WithJenkins
class GovernancePermissionTest {
    @Test
    void shouldDenyTheReportWithoutTheAuditPermission(final JenkinsRule j) throws Exception {
        FreeStyleProject visible = j.createFreeStyleProject("visible");
        FreeStyleProject hidden = j.createFreeStyleProject("hidden");
        record(j.buildAndAssertSuccess(visible), "qat");
        record(j.buildAndAssertSuccess(hidden), "prod");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .toAuthenticated()
                .grant(hudson.model.Item.READ)
                .onItems(visible)
                .to("auditor", "bob")
                .grant(GovernancePermissions.AUDIT)
                .onRoot()
                .to("auditor"));

        JenkinsRule.WebClient bob = j.createWebClient().login("bob");
        bob.assertFails("dataops-governance/", 403);
        bob.assertFails("dataops-governance/exportCsv", 403);
        bob.assertFails("dataops-governance/exportJson", 403);

        try (ACLContext ignored = ACL.as2(User.getById("auditor", true).impersonate2())) {
            GovernanceRootAction action = (GovernanceRootAction) new GovernanceRootAction().getTarget();
            assertThat(action.getRows()).extracting(IndexedEntry::getJob).containsExactly("visible");
            assertThat(action.getReportHtml()).contains("qat").doesNotContain("prod");
        }
        // the pages render for the auditor (CSP is enforced under JenkinsRule: no inline scripts)
        j.createWebClient().login("auditor").goTo("dataops-governance/exportJson", "application/json");
    }

    @Test
    void shouldNotShowADeletedJobsRecordsToReadersOfANewJobWithItsName(final JenkinsRule j) throws Exception {
        FreeStyleProject old = j.createFreeStyleProject("customer");
        record(j.buildAndAssertSuccess(old), "prod");
        old.renameTo("customer-renamed");
        assertThat(GovernanceIndex.get().visibleRows(10))
                .extracting(IndexedEntry::getJob)
                .containsExactly("customer-renamed");

        j.jenkins.getItemByFullName("customer-renamed", FreeStyleProject.class).delete();
        j.createFreeStyleProject("customer-renamed");

        assertThat(GovernanceIndex.get().visibleRows(10)).isEmpty();
    }

    private static void record(final FreeStyleBuild build, final String environment) throws Exception {
        GovernanceEvent event = new GovernanceEvent(
                "alice",
                Action.MIGRATE,
                "customer",
                environment,
                "1.0",
                Outcome.SUCCESS,
                build.getExternalizableId(),
                new LinkedHashMap<>());
        GovernanceIndex.get().record(build, List.of(GovernanceEntry.of(RecordCodec.chain(null, event, 1L))));
        GovernanceIndex.get().index(build);
    }
}
