package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger key for chains a front end keeps itself (a Jenkins job's records in its builds): each chained
 * record gets the CLI ledger's HMAC-SHA-256 ({@link LedgerKey#record}, over its sequence and hash, which cover
 * its flattened content and the link before it), kept beside the record by its hash; verification with the key
 * then finds a record someone rewrote and re-hashed without knowing the key. Without a key a chain detects
 * accidents only, and the verification says so ({@link LedgerVerification#keyed()} false).
 */
public final class KeyedChains {
    private KeyedChains() {}

    /**
     * Computes the MACs of chained records.
     *
     * @param key     the ledger key
     * @param records the records, already chained
     * @return each record's hash to its MAC, in the records' order
     */
    public static LinkedHashMap<String, String> macs(final LedgerKey key, final List<GovernanceRecord> records) {
        LinkedHashMap<String, String> macs = new LinkedHashMap<>();
        records.forEach(record -> macs.put(record.hash(), key.record(record.sequence(), record.hash())));
        return macs;
    }

    /**
     * Verifies chains (each possibly only its newest part) and, with a key, every record's MAC.
     *
     * @param chains chain name (a job) to its records, oldest first
     * @param macs   record hash to MAC, as {@link #macs} made them
     * @param key    the ledger key, null when none is configured
     * @return intact and keyed when hashes, links and MACs are right; intact and unkeyed without a key; else
     *     the first break, naming its chain
     */
    public static LedgerVerification verify(
            final Map<String, List<GovernanceRecord>> chains, final Map<String, String> macs, final LedgerKey key) {
        LedgerVerification chained = JobChains.verifyAll(chains);
        if (key == null || !chained.intact()) {
            return chained.keyed(key != null);
        }
        for (Map.Entry<String, List<GovernanceRecord>> chain : chains.entrySet()) {
            for (GovernanceRecord record : chain.getValue()) {
                String problem = problem(record, macs.get(record.hash()), key);
                if (!problem.isEmpty()) {
                    return new LedgerVerification(
                            false,
                            chained.records(),
                            record.sequence(),
                            "in '" + chain.getKey() + "', " + problem,
                            true);
                }
            }
        }
        return chained.keyed(true);
    }

    private static String problem(final GovernanceRecord record, final String mac, final LedgerKey key) {
        if (mac == null) {
            return "record %d carries no MAC although a ledger key is set: it was written without the key or by "
                            .formatted(record.sequence())
                    + "someone without it";
        }
        byte[] expected = key.record(record.sequence(), record.hash()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII))
                ? ""
                : "record %d's MAC does not match: it was rewritten by someone without the ledger key (or the key differs)"
                        .formatted(record.sequence());
    }
}
