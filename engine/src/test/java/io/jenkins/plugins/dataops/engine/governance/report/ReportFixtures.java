package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
     * Returns the sample ledger. Release events of {@code customer}: #2, #4, #5, #6 (failed), #7, #9, #10, #11
     * (refused): eight markers on four lanes (dev, qat, prod, pr-42). The hostile product has one marker.
     */
    static List<GovernanceRecord> sample() {
        List<GovernanceRecord> records = new ArrayList<>();
        add(records, 0, event("alice", "provision", "dev", "", "success", Map.of("plan", plan(2, 0, 0))));
        add(records, 1, event("alice", "migrate", "dev", "1.4.1", "success", Map.of("changesets", changesets(3))));
        add(records, 2, event("jenkins", "test", "dev", "1.4.1", "success", Map.of("checks", checks(false))));
        add(records, 20, event("bob", "promote", "qat", "1.4.1", "success", Map.of("gates", gates(true))));
        add(records, 26, event("alice", "migrate", "dev", "1.4.2", "success", Map.of("changesets", changesets(1))));
        add(
                records,
                27,
                event(
                        "bob",
                        "promote",
                        "qat",
                        "1.4.2",
                        "failed",
                        Map.of("checks", checks(true), "gates", gates(false))));
        add(
                records,
                49,
                event(
                        "carol",
                        "promote",
                        "prod",
                        "1.4.1",
                        "success",
                        Map.of(
                                "gates",
                                gates(true),
                                "approval",
                                Map.of(
                                        "approver",
                                        "dave",
                                        "comment",
                                        "CAB-1234 approved",
                                        "at",
                                        "2024-05-03T09:55Z"))));
        add(records, 50, event("jenkins", "ephemeral-create", "pr-42", "", "success", Map.of("ttl", "4h")));
        add(
                records,
                51,
                event("jenkins", "migrate", "pr-42", "1.5.0-pr42", "success", Map.of("changesets", changesets(2))));
        add(
                records,
                73,
                event("bob", "rollback", "qat", "1.4.1", "success", Map.of("from", "1.4.2", "verified", true)));
        add(
                records,
                74,
                event(
                        "carol",
                        "promote",
                        "prod",
                        "1.4.2",
                        "refused",
                        Map.of("reason", "release 1.4.2 has no passed data tests in qat")));
        add(records, 75, event("jenkins", "ephemeral-destroy", "pr-42", "", "success", Map.of()));
        GovernanceEvent hostile = new GovernanceEvent(
                HOSTILE_ACTOR,
                "migrate",
                HOSTILE_PRODUCT,
                HOSTILE_ENVIRONMENT,
                "<i>9.9</i>",
                "success",
                "javascript:alert(4)",
                Map.of(
                        "checks",
                        List.of(Map.of(
                                "name",
                                HOSTILE_CHECK,
                                "status",
                                "failed",
                                "samples",
                                List.of("<script>window.pwned=5</script>")))));
        add(records, 76, hostile);
        return records;
    }

    /** An event of the sample product with a build reference. */
    static GovernanceEvent event(
            final String actor,
            final String action,
            final String environment,
            final String release,
            final String outcome,
            final Map<String, Object> evidence) {
        return new GovernanceEvent(
                actor,
                action,
                PRODUCT,
                environment,
                release,
                outcome,
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

    static Map<String, Object> plan(final int create, final int update, final int delete) {
        return Map.of(
                "create",
                create,
                "update",
                update,
                "delete",
                delete,
                "summary",
                create + " to create, " + update + " to update, " + delete + " to delete");
    }

    static List<Object> changesets(final int count) {
        List<Object> changesets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Object> changeset = new LinkedHashMap<>();
            changeset.put("id", "customer-" + i);
            changeset.put("author", "alice");
            changeset.put("checksum", "9:" + sha256("changeset" + i).substring(0, 32));
            changesets.add(changeset);
        }
        return changesets;
    }

    static List<Object> checks(final boolean failing) {
        Map<String, Object> notNull = new LinkedHashMap<>();
        notNull.put("name", "customer.email not null");
        notNull.put("status", "passed");
        notNull.put("observed", 0);
        Map<String, Object> unique = new LinkedHashMap<>();
        unique.put("name", "customer.id unique");
        unique.put("status", failing ? "failed" : "passed");
        unique.put("observed", failing ? 2 : 0);
        unique.put(
                "samples", failing ? List.of(Map.of("id", 17, "count", 2), Map.of("id", 42, "count", 2)) : List.of());
        return List.of(notNull, unique);
    }

    static List<Object> gates(final boolean pass) {
        return List.of(
                Map.of("gate", "tests passed in source", "passed", pass),
                Map.of("gate", "rollback ready", "passed", true));
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
