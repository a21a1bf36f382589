package io.jenkins.plugins.dataops.engine.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key the engine writes into the evidence of a governance record (and into the details of a release
 * history row), in one place: the writers ({@link Evidence} and the facade's helpers), the report and the
 * documentation all take their spelling from here.
 *
 * <p>Keys are string constants, not record types: evidence is a plain insertion-ordered map of JSON values
 * because its canonical JSON is what the ledger hashes and what Jenkins' build records store; typed records would
 * need a serialiser that reproduces those bytes exactly and would change the build records' XML. Constants keep
 * the wire format byte for byte and still give every key one spelling.
 *
 * <p>Keys of older spellings (the report's and the documentation's before this class existed) are read as their
 * current key through {@link #ALIASES}; records are never rewritten, since their hash covers the evidence as
 * written.
 */
public final class EvidenceKeys {
    // --- provisioning

    /** The provisioner that made the plan ({@code h2}, {@code postgres}, {@code azure}). */
    public static final String PROVIDER = "provider";
    /** The plan's summary: how many resources are created, updated, deleted. */
    public static final String PLAN = "plan";
    /** One entry per resource of the plan: {@link #TYPE}, {@link #NAME}, {@link #ACTION}, {@link #DETAIL}. */
    public static final String RESOURCES = "resources";
    /** When an ephemeral environment expires (ISO-8601). */
    public static final String EXPIRES_AT = "expiresAt";

    // --- schema changes

    /** The tag the environment was at before. */
    public static final String TAG_BEFORE = "tagBefore";
    /** The tag the environment is at after. */
    public static final String TAG_AFTER = "tagAfter";
    /**
     * The changesets applied or rolled back: {@link #ID}, {@link #AUTHOR}, {@link #FILE}, {@link #CHECKSUM},
     * {@link #TAG}; in a release history row, their number.
     */
    public static final String CHANGE_SETS = "changeSets";
    /** Changesets without a rollback that the policy let through ({@code file::id::author}). */
    public static final String ALLOWED_NO_ROLLBACK = "allowedNoRollback";
    /** Destructive changesets that the policy let through ({@code file::id::author}). */
    public static final String ALLOWED_DESTRUCTIVE = "allowedDestructive";
    /** Whether the caller allowed changesets without a rollback. */
    public static final String ALLOW_NO_ROLLBACK = "allowNoRollback";
    /** Whether the caller allowed destructive changesets. */
    public static final String ALLOW_DESTRUCTIVE = "allowDestructive";
    /** The release fingerprint (changelog and check suites). */
    public static final String FINGERPRINT = "fingerprint";
    /** The checksum of the changelog files. */
    public static final String CHANGELOG_CHECKSUM = "changelogChecksum";

    // --- promotion and rollback

    /** The environment a release was promoted from. */
    public static final String FROM = "from";
    /** The promotion gates evaluated: {@link #NAME}, {@link #PASSED}, {@link #DETAIL}. */
    public static final String GATES = "gates";
    /** Who approved the promotion (empty when no approval was needed). */
    public static final String APPROVED_BY = "approvedBy";
    /** Whether the promotion was forced past its gates. */
    public static final String FORCED = "forced";
    /** Why: the reason given for a forced promotion, or the reason of a refusal. */
    public static final String REASON = "reason";
    /** Why an automatic rollback happened. */
    public static final String CAUSE = "cause";
    /** The release an environment was rolled back from. */
    public static final String FROM_RELEASE = "fromRelease";
    /** The post-deploy data test evidence of a promotion (the keys of a {@code test} record). */
    public static final String VERIFICATION = "verification";
    /** What became of the environment after a failed post-deploy verification. */
    public static final String TARGET = "target";
    /** Who held the stale lock that was released. */
    public static final String STALE_HOLDER = "staleHolder";

    // --- data tests

    /** The checksum of the check suites that ran. */
    public static final String SUITES_CHECKSUM = "suitesChecksum";
    /** A one-line summary of the data test results. */
    public static final String SUMMARY = "summary";
    /** How many scan queries the data tests ran. */
    public static final String SCAN_QUERIES = "scanQueries";
    /** How many sample queries the data tests ran. */
    public static final String SAMPLE_QUERIES = "sampleQueries";
    /** The suites skipped because the environment has not reached their release. */
    public static final String SKIPPED_SUITES = "skippedSuites";
    /**
     * The check results: {@link #SUITE}, {@link #TABLE}, {@link #CHECK}, {@link #TYPE}, {@link #SEVERITY},
     * {@link #STATUS}, {@link #OBSERVED}, {@link #THRESHOLD} and, for a failed check, {@link #SAMPLE_ROWS}.
     */
    public static final String CHECKS = "checks";
    /** The severity that fails a test run ({@code error}, {@code warning}, {@code never}); history rows only. */
    public static final String FAIL_ON = "failOn";

    // --- drift and impact

    /** Whether a drift check found the environment different from its changelog. */
    public static final String DRIFTED = "drifted";
    /** How many changesets of the changelog built the expected schema of a drift check. */
    public static final String REPLAYED_CHANGE_SETS = "replayedChangeSets";
    /**
     * The differences a drift check found: {@link #KIND}, {@link #NAME}, {@link #CHANGE}, {@link #EXPECTED},
     * {@link #LIVE}.
     */
    public static final String FINDINGS = "findings";
    /** Whether the caller allowed a promotion into a drifted target ({@code --allow-drift}, with a reason). */
    public static final String ALLOW_DRIFT = "allowDrift";
    /**
     * The data-test checks the pending schema changes concern: {@link #CHANGE}, {@link #CHANGE_SET},
     * {@link #SUITE}, {@link #CHECK}, {@link #LINE}, {@link #VERDICT}.
     */
    public static final String IMPACT = "impact";
    /**
     * The database objects that depend on what the pending schema changes drop, rename or retype:
     * {@link #CHANGE}, {@link #KIND}, {@link #NAME}, {@link #DEFINITION}.
     */
    public static final String DEPENDENTS = "dependents";
    /** Whether the caller allowed a migration that breaks checks it does not update ({@code --allow-broken-checks}). */
    public static final String ALLOW_BROKEN_CHECKS = "allowBrokenChecks";

    // --- failures

    /** The error message of a failed operation. */
    public static final String ERROR = "error";

    // --- intent and settlement

    /**
     * On an outcome or {@code interrupted} record: the intent it settles, as {@link #SEQUENCE} and
     * {@link #HASH}.
     */
    public static final String INTENT = "intent";
    /** The sequence of the record referred to. */
    public static final String SEQUENCE = "sequence";
    /** The hash of the record referred to. */
    public static final String HASH = "hash";
    /**
     * In a release-history row's details: the ledger record that vouches for the row (the intent of a schema
     * change, the outcome of a data-test run), as {@link #SEQUENCE} and {@link #HASH}.
     */
    public static final String LEDGER = "ledger";
    /**
     * On a record a Jenkins step collected from its step ledger: where it comes from, as {@link #ID} (the step
     * ledger), {@link #SEQUENCE} and {@link #HASH} (the record's place there), so that a record collected twice
     * is stored once.
     */
    public static final String STEP_LEDGER = "stepLedger";

    // --- keys of the entries of lists (resources, changesets, gates, checks)

    /** A resource's type. */
    public static final String TYPE = "type";
    /** A resource's or a gate's name. */
    public static final String NAME = "name";
    /** What the plan does to a resource ({@code create}, {@code update}, {@code delete}, {@code no-change}). */
    public static final String ACTION = "action";
    /** A resource's or a gate's detail. */
    public static final String DETAIL = "detail";
    /** A changeset's id. */
    public static final String ID = "id";
    /** A changeset's author. */
    public static final String AUTHOR = "author";
    /** A changeset's changelog file; in {@link #SAMPLE_FILE}, the sample file relative to the state folder. */
    public static final String FILE = "file";
    /** A changeset's checksum. */
    public static final String CHECKSUM = "checksum";
    /** The tag a changeset sets. */
    public static final String TAG = "tag";
    /** Whether a gate passed. */
    public static final String PASSED = "passed";
    /** The suite of a check. */
    public static final String SUITE = "suite";
    /** The table a check ran on. */
    public static final String TABLE = "table";
    /** A check's name. */
    public static final String CHECK = "check";
    /** A check's severity ({@code error}, {@code warn}). */
    public static final String SEVERITY = "severity";
    /** A check's status ({@code pass}, {@code warn}, {@code fail}). */
    public static final String STATUS = "status";
    /** A check's observed value. */
    public static final String OBSERVED = "observed";
    /** A check's threshold. */
    public static final String THRESHOLD = "threshold";
    /** The sample rows of a failed check, in records written before samples moved to their own file. */
    public static final String SAMPLE = "sample";
    /** How many sample rows of a failed check the run's sample file holds. */
    public static final String SAMPLE_ROWS = "sampleRows";
    /**
     * The run's sample file, outside the chain so it can be deleted or expire: {@link #FILE} (relative to the state
     * folder), {@link #SHA256} of its bytes and {@link #ROWS}, the rows it holds.
     */
    public static final String SAMPLE_FILE = "sampleFile";
    /** The SHA-256 of a file's bytes, 64 hex digits. */
    public static final String SHA256 = "sha256";
    /** A number of rows. */
    public static final String ROWS = "rows";
    /** What kind of schema object a drift finding or a dependent is ({@code column}, {@code index}, ...). */
    public static final String KIND = "kind";
    /** How a drift finding differs ({@code added}, {@code removed}, {@code changed}, ...), or a schema change. */
    public static final String CHANGE = "change";
    /** What the changelog gives a schema object (empty: it should not exist). */
    public static final String EXPECTED = "expected";
    /** What the environment has (empty: it lacks the object). */
    public static final String LIVE = "live";
    /** The changeset that makes a schema change. */
    public static final String CHANGE_SET = "changeSet";
    /** A check's line in its suite file. */
    public static final String LINE = "line";
    /** What a schema change does to a check ({@code breaks}, {@code followed}, {@code review}). */
    public static final String VERDICT = "verdict";
    /** A dependent database object's definition. */
    public static final String DEFINITION = "definition";

    /**
     * Older spellings and the current key each is read as. The report and the documentation once used
     * {@code changesets}, {@code approval} and {@code samples}; a ledger written by hand or by a tool that followed
     * them still renders as if it had used the engine's keys.
     */
    public static final Map<String, String> ALIASES =
            Map.of("changesets", CHANGE_SETS, "approval", APPROVED_BY, "samples", SAMPLE);

    /** How deep {@link #read} looks for older spellings. */
    private static final int MAX_DEPTH = 32;

    private EvidenceKeys() {}

    /**
     * Returns the current key of a key as recorded.
     *
     * @param key a key as recorded
     * @return its current spelling: the key itself unless it is an older spelling
     */
    public static String canonical(final String key) {
        return ALIASES.getOrDefault(key, key);
    }

    /**
     * Reads recorded evidence with current keys: a copy in which every older spelling, at any depth, is replaced
     * by its current key. When a map holds both spellings, the current one wins.
     *
     * @param evidence evidence as recorded
     * @return a copy with current keys, in the same order
     */
    public static Map<String, Object> read(final Map<String, ?> evidence) {
        return read(evidence, 0);
    }

    private static Map<String, Object> read(final Map<String, ?> evidence, final int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        evidence.forEach((key, value) -> {
            String current = canonical(key);
            if (current.equals(key) || !evidence.containsKey(current)) {
                copy.put(current, readValue(value, depth + 1));
            }
        });
        return copy;
    }

    private static Object readValue(final Object value, final int depth) {
        if (depth > MAX_DEPTH) {
            return value; // deeper than any evidence the engine writes: left as it is, never a stack overflow
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> strings = new LinkedHashMap<>();
            map.forEach((k, v) -> strings.put(String.valueOf(k), v));
            return read(strings, depth);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(readValue(item, depth + 1)));
            return copy;
        }
        return value;
    }
}
