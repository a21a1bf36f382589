package io.jenkins.plugins.dataops.engine.governance.report.bench;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.report.RecordSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A ledger of any size generated on the fly, the same records on every read, never held in memory: three
 * products through dev, qat, prod and one ephemeral environment per 40 records; evidence like the engine's
 * (changesets with checksums, check results with samples, gates, approvals), about 0.5 KB of JSON per record.
 */
final class SyntheticLedger implements RecordSource {
    static final List<String> PROMOTION = List.of("dev", "qat", "prod");
    static final List<String> PRODUCTS = List.of("customer", "orders", "billing");
    private static final String[] ACTIONS = {
        "provision",
        "migrate",
        "test",
        "promote",
        "promote",
        "rollback",
        "ephemeral-create",
        "migrate",
        "test",
        "ephemeral-destroy",
        "gc",
        "destroy"
    };
    private static final String[] ACTORS = {"alice", "bob", "carol", "jenkins", "dave"};
    /** The time of record 0; record {@code i} is {@code i} minutes later. */
    static final long START = 1_714_554_000_000L;

    private final int size;

    SyntheticLedger(final int size) {
        this.size = size;
    }

    @Override
    public void forEach(final Consumer<GovernanceRecord> consumer) {
        String prev = GovernanceRecord.GENESIS;
        for (int i = 1; i <= size; i++) {
            String hash = fakeHash(i);
            consumer.accept(new GovernanceRecord(i, START + i * 60_000L, event(i), prev, hash));
            prev = hash;
        }
    }

    /** The event of record {@code i}, the same on every call. */
    static GovernanceEvent event(final int i) {
        String action = ACTIONS[i % ACTIONS.length];
        String environment =
                switch (action) {
                    case "ephemeral-create", "ephemeral-destroy", "test" -> "pr-" + i / 40;
                    case "gc" -> "";
                    default -> PROMOTION.get(i % PROMOTION.size());
                };
        String outcome = i % 17 == 0 ? "failed" : i % 29 == 0 ? "refused" : "success";
        String release = "1." + i / 1000 + "." + i % 1000;
        return new GovernanceEvent(
                ACTORS[i % ACTORS.length],
                action,
                PRODUCTS.get(i % PRODUCTS.size()),
                environment,
                release,
                outcome,
                "https://jenkins.example.com/job/data/job/main/" + i + "/",
                evidence(i, action));
    }

    private static Map<String, Object> evidence(final int i, final String action) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("changesets", List.of(changeset(i, 1), changeset(i, 2)));
        evidence.put(
                "checks",
                List.of(
                        Map.of("name", "email not null", "status", "passed", "observed", 0),
                        Map.of(
                                "name",
                                "id unique",
                                "status",
                                i % 17 == 0 ? "failed" : "passed",
                                "observed",
                                i % 17 == 0 ? 2 : 0,
                                "samples",
                                i % 17 == 0 ? List.of(Map.of("id", i, "count", 2)) : List.of())));
        evidence.put("gates", List.of(Map.of("gate", "tests passed in source", "passed", i % 29 != 0)));
        if ("promote".equals(action)) {
            evidence.put("approval", Map.of("approver", "dave", "comment", "CAB-" + i));
        }
        evidence.put("plan", Map.of("summary", "1 to create, 0 to update, 0 to delete"));
        return evidence;
    }

    private static Map<String, Object> changeset(final int i, final int n) {
        return Map.of(
                "id",
                "cs-" + i + "-" + n,
                "author",
                "alice",
                "checksum",
                "9:" + fakeHash(i * 31 + n).substring(0, 32));
    }

    private static String fakeHash(final long seed) {
        long a = seed * 0x9E3779B97F4A7C15L;
        long b = Long.rotateLeft(a, 17) ^ 0xC2B2AE3D27D4EB4FL;
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(a) + hex.toHexDigits(b) + hex.toHexDigits(a ^ b) + hex.toHexDigits(a + b);
    }
}
