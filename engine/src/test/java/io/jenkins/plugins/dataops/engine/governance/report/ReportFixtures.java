package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckResultBuilder;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.CheckType;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Records for report tests: a product through dev, qat, prod and an ephemeral environment, and hostile names. */
final class ReportFixtures {
    static final String PRODUCT = "customer";
    static final List<String> PROMOTION = List.of("dev", "qat", "prod");
    static final String HOSTILE_PRODUCT = "<script>window.pwned=1</script>";
    static final String HOSTILE_ACTOR = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_ENVIRONMENT = "\"><svg onload=window.pwned=3>";
    static final String HOSTILE_CHECK = "<b onmouseover=window.pwned=2>rows</b>";
    static final Instant START = Instant.parse("2024-05-01T09:00:00Z");
    private static final long HOUR = 3_600_000L;

    private ReportFixtures() {}

    /**
     * Returns the sample ledger, its evidence built by the engine's own {@link Evidence} builder. Release events
     * of {@code customer}: #2, #4, #5, #6 (failed), #7, #9, #10, #11 (refused): eight markers on four lanes (dev,
     * qat, prod, pr-42). The hostile product has one marker.
     */
    static List<GovernanceRecord> sample() {
        List<GovernanceRecord> records = new ArrayList<>();
        add(records, 0, event("alice", Action.PROVISION, "dev", "", Outcome.SUCCESS, plan("dev", 2)));
        add(records, 1, event("alice", Action.MIGRATE, "dev", "1.4.1", Outcome.SUCCESS, changesets("", "1.4.1", 3)));
        add(records, 2, event("jenkins", Action.TEST, "dev", "1.4.1", Outcome.PASSED, checks("dev", false)));
        add(records, 20, event("bob", Action.PROMOTE, "qat", "1.4.1", Outcome.SUCCESS, promotion("dev", true, "")));
        add(
                records,
                26,
                event("alice", Action.MIGRATE, "dev", "1.4.2", Outcome.SUCCESS, changesets("1.4.1", "1.4.2", 1)));
        Map<String, Object> failed = Evidence.of()
                .with(EvidenceKeys.GATES, promotion("dev", false, "").get(EvidenceKeys.GATES))
                .with(EvidenceKeys.VERIFICATION, checks("qat", true))
                .build();
        add(records, 27, event("bob", Action.PROMOTE, "qat", "1.4.2", Outcome.FAILED, failed));
        add(
                records,
                49,
                event("carol", Action.PROMOTE, "prod", "1.4.1", Outcome.SUCCESS, promotion("qat", true, "dave")));
        Map<String, Object> ephemeral = Evidence.of()
                .withPlan(new ProvisioningPlan("pr-42", "h2", resources(1)))
                .with(EvidenceKeys.EXPIRES_AT, "2024-05-03T15:00:00Z")
                .build();
        add(records, 50, event("jenkins", Action.EPHEMERAL_CREATE, "pr-42", "", Outcome.SUCCESS, ephemeral));
        add(
                records,
                51,
                event(
                        "jenkins",
                        Action.MIGRATE,
                        "pr-42",
                        "1.5.0-pr42",
                        Outcome.SUCCESS,
                        changesets("", "1.5.0-pr42", 2)));
        Map<String, Object> rollback = Evidence.of()
                .withMigration(migration("qat", "1.4.2", "1.4.1", 1))
                .with(EvidenceKeys.FROM_RELEASE, "1.4.2")
                .build();
        add(records, 73, event("bob", Action.ROLLBACK, "qat", "1.4.1", Outcome.SUCCESS, rollback));
        Map<String, Object> refused = Evidence.of()
                .with(EvidenceKeys.REASON, "release 1.4.2 has no passed data tests in qat")
                .build();
        add(records, 74, event("carol", Action.PROMOTE, "prod", "1.4.2", Outcome.REFUSED, refused));
        add(records, 75, event("jenkins", Action.EPHEMERAL_DESTROY, "pr-42", "", Outcome.SUCCESS, plan("pr-42", 0)));
        CheckResult hostileCheck = check("customer", HOSTILE_CHECK, CheckStatus.FAIL)
                .sample(List.of(Map.of("email", "<script>window.pwned=5</script>")))
                .build();
        GovernanceEvent hostile = new GovernanceEvent(
                HOSTILE_ACTOR,
                Action.MIGRATE.wireName(),
                HOSTILE_PRODUCT,
                HOSTILE_ENVIRONMENT,
                "<i>9.9</i>",
                Outcome.SUCCESS.wireName(),
                "javascript:alert(4)",
                Evidence.of()
                        .withChecks(report(HOSTILE_ENVIRONMENT, List.of(hostileCheck)), List.of(), 5)
                        // sample rows stay out of records; a hostile value in a record's evidence comes from an error
                        .with(EvidenceKeys.ERROR, "<script>window.pwned=5</script>")
                        .build());
        add(records, 76, hostile);
        return records;
    }

    /** An event of the sample product with a build reference. */
    static GovernanceEvent event(
            final String actor,
            final Action action,
            final String environment,
            final String release,
            final Outcome outcome,
            final Map<String, Object> evidence) {
        return new GovernanceEvent(
                actor,
                action.wireName(),
                PRODUCT,
                environment,
                release,
                outcome.wireName(),
                "https://jenkins.example.com/job/customer/job/main/" + (100 + environment.length()) + "/",
                evidence);
    }

    /** Chains an event onto the list at START plus the given hours. */
    static void add(final List<GovernanceRecord> records, final long hours, final GovernanceEvent event) {
        String prev = records.isEmpty()
                ? GovernanceRecord.GENESIS
                : records.get(records.size() - 1).hash();
        long sequence = records.size() + 1L;
        records.add(new GovernanceRecord(
                sequence,
                START.toEpochMilli() + hours * HOUR + sequence,
                event,
                prev,
                sha256(prev + sequence + event)));
    }

    /** The evidence of provisioning {@code create} new resources. */
    static Map<String, Object> plan(final String environment, final int create) {
        return Evidence.of()
                .withPlan(new ProvisioningPlan(environment, "h2", resources(create)))
                .build();
    }

    private static List<ResourceChange> resources(final int create) {
        List<ResourceChange> changes = new ArrayList<>();
        changes.add(new ResourceChange("database", "customer", ChangeAction.NO_OP, "exists"));
        for (int i = 1; i <= create; i++) {
            changes.add(new ResourceChange("schema", "customer_" + i, ChangeAction.CREATE, "new schema"));
        }
        return changes;
    }

    /** The evidence of a migration from one tag to another that applied {@code count} changesets. */
    static Map<String, Object> changesets(final String before, final String after, final int count) {
        return Evidence.of()
                .withMigration(migration("dev", before, after, count))
                .build();
    }

    static MigrationResult migration(
            final String environment, final String before, final String after, final int count) {
        List<ChangeSetInfo> changeSets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            changeSets.add(new ChangeSetInfo(
                    "customer-" + i,
                    "alice",
                    "db/changelog.yaml",
                    "9:" + sha256("changeset" + i).substring(0, 32),
                    i == count ? after : "",
                    true,
                    List.of()));
        }
        return new MigrationResult(environment, before, after, changeSets, List.of(), List.of());
    }

    /** The evidence of a data test run: two checks, the second failing with sample rows when asked. */
    static Map<String, Object> checks(final String environment, final boolean failing) {
        CheckResult notNull =
                check("customer", "customer.email not null", CheckStatus.PASS).build();
        CheckResultBuilder unique =
                check("customer", "customer.id unique", failing ? CheckStatus.FAIL : CheckStatus.PASS);
        if (failing) {
            unique.observed("2").sample(List.of(Map.of("id", "17", "count", "2"), Map.of("id", "42", "count", "2")));
        }
        return Evidence.of()
                .withChecks(report(environment, List.of(notNull, unique.build())), List.of(), 5)
                .build();
    }

    private static CheckResultBuilder check(final String table, final String name, final CheckStatus status) {
        return new CheckResultBuilder()
                .suite("customer")
                .table(table)
                .name(name)
                .type(CheckType.UNIQUE)
                .severity(Severity.ERROR)
                .status(status)
                .observed("0")
                .threshold("0");
    }

    private static DataTestReport report(final String environment, final List<CheckResult> results) {
        return new DataTestReport(environment, results, 1, 1, sha256("suites"), START, 12);
    }

    /** The evidence of a promotion from {@code from}: its gates and who approved it (empty: no approval). */
    static Map<String, Object> promotion(final String from, final boolean pass, final String approvedBy) {
        return Evidence.of()
                .with(EvidenceKeys.FROM, from)
                .with(
                        EvidenceKeys.GATES,
                        List.of(
                                Evidence.gate("tests-passed", pass, "tests passed in source"),
                                Evidence.gate("rollback-ready", true, "every changeset has a rollback")))
                .with(EvidenceKeys.APPROVED_BY, approvedBy)
                .with(EvidenceKeys.FORCED, false)
                .with(EvidenceKeys.REASON, approvedBy.isEmpty() ? "" : "CAB-1234 approved")
                .build();
    }

    static String sha256(final String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
