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
import io.jenkins.plugins.dataops.engine.governance.report.RecordQuery;
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
        record(j.buildAndAssertSuccess(hidden), "secret-env");
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
        bob.assertFails("dataops-governance/records", 403);

        try (ACLContext ignored = ACL.as2(User.getById("auditor", true).impersonate2())) {
            GovernanceRootAction action = (GovernanceRootAction) new GovernanceRootAction().getTarget();
            assertThat(page(RecordQuery.newest())).contains("\"visible\"").doesNotContain("secret-env");
            assertThat(action.getReportHtml()).contains("qat").doesNotContain("secret-env");
        }
        // the pages render for the auditor (CSP is enforced under JenkinsRule: no inline scripts)
        JenkinsRule.WebClient auditor = j.createWebClient().login("auditor");
        auditor.goTo("dataops-governance/exportJson", "application/json");
        String records = auditor.goTo("dataops-governance/records?env=qat", "application/json")
                .getWebResponse()
                .getContentAsString();
        assertThat(records).contains("\"total\":1").contains("Chain verified").doesNotContain("secret-env");
        auditor.goTo("dataops-governance/");
    }

    @Test
    void shouldAnswerABadQueryWithFourHundredAndOneSentence(final JenkinsRule j) throws Exception {
        record(j.buildAndAssertSuccess(j.createFreeStyleProject("customer")), "qat");
        JenkinsRule.WebClient admin = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);

        var response = admin.goTo("dataops-governance/records?limit=100000", "application/json")
                .getWebResponse();

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("Parameter 'limit' is '100000'; give a whole number from 1 to 500.");
    }

    @Test
    void shouldServeTheBuildsRecordsToReadersOfTheJob(final JenkinsRule j) throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(j.createFreeStyleProject("customer"));
        record(build, "qat");

        String records = j.createWebClient()
                .goTo(build.getUrl() + "dataops/records", "application/json")
                .getWebResponse()
                .getContentAsString();

        assertThat(records).contains("\"total\":1").contains("\"qat\"").contains("Chain verified");
    }

    @Test
    void shouldNotShowADeletedJobsRecordsToReadersOfANewJobWithItsName(final JenkinsRule j) throws Exception {
        FreeStyleProject old = j.createFreeStyleProject("customer");
        record(j.buildAndAssertSuccess(old), "prod");
        old.renameTo("customer-renamed");
        assertThat(page(RecordQuery.newest())).contains("\"customer-renamed\"").contains("\"total\":1");

        j.jenkins.getItemByFullName("customer-renamed", FreeStyleProject.class).delete();
        j.createFreeStyleProject("customer-renamed");

        assertThat(page(RecordQuery.newest())).contains("\"total\":0");
    }

    @Test
    void shouldKeepEachJobsChainHeadAndRowsInASmallFileNextToTheJob(final JenkinsRule j) throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("customer");
        record(j.buildAndAssertSuccess(job), "qat");

        JobRecords records = JobRecords.read(job);

        assertThat(records).isNotNull();
        assertThat(records.head().getSequence()).isEqualTo(1);
        assertThat(records.rows("customer")).singleElement().satisfies(row -> {
            assertThat(row.environment()).isEqualTo("qat");
            assertThat(row.build()).isEqualTo(1);
        });
    }

    private static String page(final RecordQuery query) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        GovernanceIndex.get().writePage(query, out);
        return out.toString();
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
    }
}
