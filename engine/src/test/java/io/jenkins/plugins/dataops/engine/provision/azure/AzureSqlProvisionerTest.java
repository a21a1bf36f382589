package io.jenkins.plugins.dataops.engine.provision.azure;

import static io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.provision.azure.AzureFixtures.RecordingProgress;
import io.jenkins.plugins.dataops.engine.provision.azure.FakeArm.Request;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plan, apply and destroy against the fake ARM, through the real Azure SDK. */
class AzureSqlProvisionerTest {
    private FakeArm arm;
    private AzureSqlProvisioner provisioner;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void startFake() {
        arm = FakeArm.start();
        provisioner = new AzureSqlProvisioner(principal -> arm.connection());
    }

    @AfterEach
    void stopFake() {
        arm.close();
    }

    @Test
    void shouldCreateResourceGroupServerDatabaseAndFirewallRuleFromNothing() {
        // Given nothing in Azure
        // When
        ProvisioningPlan plan = provisioner.apply(context(settings(), progress));

        // Then
        assertThat(plan.render()).isEqualTo("""
                Plan for environment 'prod' (azure-sql):
                  + resource-group rg-customer-prod (location westeurope)
                  + sql-server sql-customer-prod (location westeurope, admin login from credentials 'sql-prod-admin')
                  + database customer (sku S1)
                  + firewall-rule office (203.0.113.0 - 203.0.113.255)
                4 to create, 0 to update, 0 unchanged, 0 to delete""");
        assertThat(writes())
                .containsExactly(
                        "PUT resourcegroups/rg-customer-prod api-version=2025-04-01",
                        "PUT resourcegroups/rg-customer-prod/providers/microsoft.sql/servers/sql-customer-prod api-version=2021-11-01",
                        "PUT resourcegroups/rg-customer-prod/providers/microsoft.sql/servers/sql-customer-prod/databases/customer api-version=2021-11-01",
                        "PUT resourcegroups/rg-customer-prod/providers/microsoft.sql/servers/sql-customer-prod/firewallrules/office api-version=2021-11-01");

        SoftAssertions softly = new SoftAssertions();
        Map<String, String> ownership = Map.of(
                "dataops-product",
                "customer",
                "dataops-environment",
                "prod",
                "dataops-managed",
                "true",
                "dataops-build",
                BUILD);
        for (String path : List.of(
                FakeArm.groupPath(GROUP),
                FakeArm.serverPath(GROUP, SERVER),
                FakeArm.databasePath(GROUP, SERVER, DATABASE))) {
            softly.assertThat(tags(path))
                    .as(path)
                    .containsAllEntriesOf(ownership)
                    .doesNotContainKey("dataops-expires");
        }
        JsonNode database =
                arm.resource(FakeArm.databasePath(GROUP, SERVER, DATABASE)).orElseThrow();
        softly.assertThat(database.path("properties")
                        .path("currentServiceObjectiveName")
                        .asText())
                .isEqualTo("S1");
        softly.assertThat(arm.resource(FakeArm.serverPath(GROUP, SERVER))
                        .orElseThrow()
                        .path("properties")
                        .path("administratorLogin")
                        .asText())
                .isEqualTo(ADMIN_LOGIN);
        softly.assertThat(arm.adminPassword(GROUP, SERVER)).contains(ADMIN_PASSWORD);
        softly.assertThat(arm.resource(FakeArm.rulePath(GROUP, SERVER, "office"))
                        .orElseThrow()
                        .path("properties")
                        .path("endIpAddress")
                        .asText())
                .isEqualTo("203.0.113.255");
        softly.assertThat(arm.resource(FakeArm.rulePath(GROUP, SERVER, "AllowAllWindowsAzureIps")))
                .isEmpty();
        softly.assertThat(progress.lines())
                .contains(
                        "INFO Creating database 'customer' (S1)...",
                        "INFO Creating firewall rule 'office' (203.0.113.0 - 203.0.113.255)...");
        softly.assertAll();
    }

    @Test
    void shouldOnlyReadWhenNothingChanged() {
        // Given an applied environment
        provisioner.apply(context(settings(), progress));
        arm.clearRequests();

        // When
        ProvisioningPlan plan = provisioner.apply(context(settings(), progress));

        // Then
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.summary()).isEqualTo("0 to create, 0 to update, 4 unchanged, 0 to delete");
        assertThat(arm.writes()).isEmpty();
        assertThat(arm.requests()).extracting(Request::method).containsExactly("GET", "GET", "GET", "GET");
    }

    @Test
    void shouldWriteOnlyTheChangedSkuAndFirewallRange() {
        // Given an applied environment
        provisioner.apply(context(settings(), progress));
        arm.clearRequests();
        Map<String, Object> changed = with(
                with(settings(), "sku", "S2"),
                "firewall",
                List.of(Map.of("name", "office", "start", "203.0.113.0", "end", "203.0.113.127")));

        // When
        ProvisioningPlan plan = provisioner.apply(context(changed, progress));

        // Then
        assertThat(plan.changes())
                .filteredOn(c -> c.action() != ChangeAction.NO_OP)
                .containsExactly(
                        new ResourceChange("database", DATABASE, ChangeAction.UPDATE, "sku S1 -> S2"),
                        new ResourceChange(
                                "firewall-rule",
                                "office",
                                ChangeAction.UPDATE,
                                "203.0.113.0 - 203.0.113.255 -> 203.0.113.0 - 203.0.113.127"));
        assertThat(writes())
                .containsExactly(
                        "PUT resourcegroups/rg-customer-prod/providers/microsoft.sql/servers/sql-customer-prod/databases/customer api-version=2021-11-01",
                        "PUT resourcegroups/rg-customer-prod/providers/microsoft.sql/servers/sql-customer-prod/firewallrules/office api-version=2021-11-01");
        assertThat(arm.resource(FakeArm.databasePath(GROUP, SERVER, DATABASE))
                        .orElseThrow()
                        .path("properties")
                        .path("currentServiceObjectiveName")
                        .asText())
                .isEqualTo("S2");
        assertThat(provisioner.plan(context(changed, progress)).hasChanges()).isFalse();
    }

    @Test
    void shouldUpdateTheTagsOfEveryOwnedResourceAndKeepForeignTags() {
        // Given an applied environment whose database got a tag from someone else
        provisioner.apply(context(settings(), progress));
        provisioner.apply(context(with(settings(), "tags", Map.of("cost-center", "cc-1")), progress));
        arm.clearRequests();

        // When the extra tag changes, from another build
        ProvisioningPlan plan =
                provisioner.apply(context(with(settings(), "tags", Map.of("cost-center", "cc-2")), progress));

        // Then
        assertThat(plan.changes())
                .filteredOn(c -> c.action() == ChangeAction.UPDATE)
                .extracting(ResourceChange::render)
                .containsExactly(
                        "~ resource-group rg-customer-prod (tag cost-center cc-1 -> cc-2)",
                        "~ sql-server sql-customer-prod (tag cost-center cc-1 -> cc-2)",
                        "~ database customer (tag cost-center cc-1 -> cc-2)");
        assertThat(arm.writes()).extracting(Request::method).containsExactly("PUT", "PATCH", "PUT");
        assertThat(tags(FakeArm.serverPath(GROUP, SERVER)))
                .containsEntry("cost-center", "cc-2")
                .containsEntry("dataops-managed", "true");
    }

    @Test
    void shouldReportAnUnmanagedFirewallRuleAndKeepIt() {
        // Given an applied environment and a rule someone added by hand
        provisioner.apply(context(settings(), progress));
        arm.seed(
                FakeArm.rulePath(GROUP, SERVER, "vendor-vpn"),
                null,
                Map.of(),
                Map.of("startIpAddress", "198.51.100.7", "endIpAddress", "198.51.100.7"));
        arm.clearRequests();

        // When
        ProvisioningPlan plan = provisioner.apply(context(settings(), progress));

        // Then
        assertThat(plan.render())
                .contains("  = firewall-rule vendor-vpn (198.51.100.7 - 198.51.100.7, unmanaged, not in "
                        + "the spec: kept (removeUnmanagedFirewallRules is false))");
        assertThat(progress.lines())
                .anyMatch(l -> l.startsWith("WARN Firewall rule 'vendor-vpn'")
                        && l.contains("removeUnmanagedFirewallRules: true"));
        assertThat(arm.writes()).isEmpty();
        assertThat(arm.resource(FakeArm.rulePath(GROUP, SERVER, "vendor-vpn"))).isPresent();
    }

    @Test
    void shouldRemoveAnUnmanagedFirewallRuleWhenTheSpecSaysSo() {
        // Given an applied environment and a rule someone added by hand
        provisioner.apply(context(settings(), progress));
        arm.seed(
                FakeArm.rulePath(GROUP, SERVER, "vendor-vpn"),
                null,
                Map.of(),
                Map.of("startIpAddress", "198.51.100.7", "endIpAddress", "198.51.100.7"));
        arm.clearRequests();

        // When
        ProvisioningPlan plan =
                provisioner.apply(context(with(settings(), "removeUnmanagedFirewallRules", true), progress));

        // Then
        assertThat(plan.changes())
                .contains(new ResourceChange(
                        "firewall-rule",
                        "vendor-vpn",
                        ChangeAction.DELETE,
                        "198.51.100.7 - 198.51.100.7, unmanaged, not in the spec"));
        assertThat(writes())
                .containsExactly(
                        "DELETE resourcegroups/rg-customer-prod/providers/microsoft.sql/servers/sql-customer-prod/firewallrules/vendor-vpn api-version=2021-11-01");
        assertThat(arm.resource(FakeArm.rulePath(GROUP, SERVER, "vendor-vpn"))).isEmpty();
    }

    @Test
    void shouldOpenTheServerToAzureServicesOnlyWhenTheSpecAsks() {
        // Given an environment that allows Azure services
        provisioner.apply(context(with(settings(), "allowAzureServices", true), progress));
        assertThat(arm.resource(FakeArm.rulePath(GROUP, SERVER, "AllowAllWindowsAzureIps")))
                .isPresent();

        // When the spec no longer allows it
        ProvisioningPlan plan = provisioner.apply(context(settings(), progress));

        // Then
        assertThat(plan.changes())
                .contains(new ResourceChange(
                        "firewall-rule",
                        "AllowAllWindowsAzureIps",
                        ChangeAction.DELETE,
                        "0.0.0.0 - 0.0.0.0, Azure services access, spec has no 'allowAzureServices: true'"));
        assertThat(arm.resource(FakeArm.rulePath(GROUP, SERVER, "AllowAllWindowsAzureIps")))
                .isEmpty();
    }

    @Test
    void shouldDestroyOnlyTaggedResources() {
        // Given an applied environment and an untagged server with a rule in the same resource group
        provisioner.apply(context(settings(), progress));
        arm.seed(FakeArm.serverPath(GROUP, "sql-legacy"), "westeurope", Map.of("owner", "dba-team"), Map.of());
        arm.seed(
                FakeArm.rulePath(GROUP, "sql-legacy", "dba"),
                null,
                Map.of(),
                Map.of("startIpAddress", "192.0.2.1", "endIpAddress", "192.0.2.1"));
        arm.clearRequests();

        // When
        ProvisioningPlan plan = provisioner.destroy(context(settings(), progress));

        // Then
        assertThat(plan.render()).isEqualTo("""
                Plan for environment 'prod' (azure-sql):
                  - database customer
                  - sql-server sql-customer-prod (with its firewall rules)
                  - firewall-rule office (203.0.113.0 - 203.0.113.255, with the server)
                  = resource-group rg-customer-prod (kept, still holds 2 other resource(s))
                2 to create, 0 to update, 1 unchanged, 3 to delete""".replace("2 to create", "0 to create"));
        assertThat(arm.writes()).extracting(Request::method).containsExactly("DELETE", "DELETE");
        assertThat(arm.resource(FakeArm.serverPath(GROUP, SERVER))).isEmpty();
        assertThat(arm.resource(FakeArm.serverPath(GROUP, "sql-legacy"))).isPresent();
        assertThat(arm.resource(FakeArm.rulePath(GROUP, "sql-legacy", "dba"))).isPresent();
        assertThat(arm.resource(FakeArm.groupPath(GROUP))).isPresent();
        assertThat(progress.lines())
                .contains(
                        "WARN Resource group 'rg-customer-prod' is kept: it still holds 2 resource(s) that are not this environment's.");
    }

    @Test
    void shouldDestroyTheWholeEnvironmentAndThenFindNothingToDo() {
        // Given an applied environment alone in its resource group
        provisioner.apply(context(settings(), progress));

        // When
        ProvisioningPlan first = provisioner.destroy(context(settings(), progress));
        arm.clearRequests();
        ProvisioningPlan second = provisioner.destroy(context(settings(), progress));

        // Then
        assertThat(first.count(ChangeAction.DELETE)).isEqualTo(4);
        assertThat(arm.resource(FakeArm.groupPath(GROUP))).isEmpty();
        assertThat(second.hasChanges()).isFalse();
        assertThat(second.changes()).extracting(ResourceChange::detail).containsOnly("absent");
        assertThat(arm.writes()).isEmpty();
    }

    @Test
    void shouldLeaveAServerWithoutOurTagsUnchanged() {
        // Given the spec's server exists already, made by someone else
        arm.seed(FakeArm.groupPath(GROUP), "westeurope", Map.of(), Map.of());
        arm.seed(
                FakeArm.serverPath(GROUP, SERVER),
                "westeurope",
                Map.of("owner", "dba-team"),
                Map.of("administratorLogin", "dba"));

        // When
        ProvisioningPlan applied = provisioner.apply(context(settings(), progress));
        ProvisioningPlan destroyed = provisioner.destroy(context(settings(), progress));

        // Then
        assertThat(applied.changes())
                .extracting(ResourceChange::render)
                .containsExactly(
                        "= resource-group rg-customer-prod (exists, not owned by this environment (no matching dataops tags); left unchanged)",
                        "= sql-server sql-customer-prod (exists, not owned by this environment (no matching dataops tags); left unchanged)",
                        "+ database customer (sku S1)",
                        "+ firewall-rule office (203.0.113.0 - 203.0.113.255)");
        assertThat(tags(FakeArm.serverPath(GROUP, SERVER))).containsExactly(Map.entry("owner", "dba-team"));
        assertThat(destroyed.changes())
                .extracting(ResourceChange::render)
                .containsExactly(
                        "- database customer",
                        "= sql-server sql-customer-prod (not owned by this environment; left in place)",
                        "= firewall-rule office (203.0.113.0 - 203.0.113.255, left in place)",
                        "= resource-group rg-customer-prod (not owned by this environment; left in place)");
        assertThat(arm.resource(FakeArm.serverPath(GROUP, SERVER))).isPresent();
        assertThat(arm.resource(FakeArm.databasePath(GROUP, SERVER, DATABASE))).isEmpty();
    }

    @Test
    void shouldTagAnEphemeralEnvironmentWithItsExpiry() {
        // Given an ephemeral environment made from the template
        Instant expiry = Instant.parse("2030-01-02T03:04:05.678Z");

        // When
        provisioner.apply(context("pr-42", settings(), progress, expiry));

        // Then
        for (String path : List.of(
                FakeArm.groupPath(GROUP),
                FakeArm.serverPath(GROUP, SERVER),
                FakeArm.databasePath(GROUP, SERVER, "customer-pr-42"))) {
            assertThat(tags(path))
                    .as(path)
                    .containsEntry("dataops-expires", "2030-01-02T03:04:05Z")
                    .containsEntry("dataops-environment", "pr-42");
        }
    }

    private List<String> writes() {
        String prefix = "/subscriptions/" + FakeArm.SUBSCRIPTION + "/";
        return arm.writes().stream()
                .map(r -> r.method() + " " + r.path().toLowerCase(Locale.ROOT).substring(prefix.length())
                        + " api-version=" + r.apiVersion())
                .toList();
    }

    private Map<String, String> tags(final String path) {
        JsonNode tags = arm.resource(path)
                .orElseThrow(() -> new AssertionError("missing " + path))
                .path("tags");
        Map<String, String> result = new LinkedHashMap<>();
        tags.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }
}
