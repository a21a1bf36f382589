package io.jenkins.plugins.dataops.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ledger-evidence} gate: the release-history rows the other gates read (what the source runs, how its
 * last data test went) live in the source environment's own database, where anyone who can write that database
 * can change them. Each row names the ledger record that vouches for it (the intent of a schema change, the
 * outcome of a data-test run); this gate finds those records and refuses when a row names none, names one that
 * is missing, edited or says something else, or when the ledger knows a later test or schema change of that
 * environment than the row the gates read (a row was deleted). It needs a ledger that holds every record (the
 * command line's); on a ledger that holds one step's records it says it did not check.
 */
final class EvidenceAnchors {
    static final String GATE = "ledger-evidence";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;

    EvidenceAnchors(final Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Checks the rows the gates read against the ledger.
     *
     * @param product the data product
     * @param source  the environment the rows come from
     * @param history the source's release history, oldest first
     * @return the gate
     */
    Gate check(final String product, final String source, final List<HistoryEntry> history) {
        if (!ledger.isComplete()) {
            return new Gate(
                    GATE,
                    true,
                    "not checked: this ledger holds only this step's records, so the history rows of '%s' are taken as the environment holds them"
                            .formatted(source));
        }
        Optional<HistoryEntry> current = ReleaseHistory.current(history);
        Optional<HistoryEntry> test = ReleaseHistory.last(history, Action.TEST);
        Scan scan = new Scan(
                product,
                source,
                anchor(current),
                anchor(test),
                test.map(IncrementalRun::basesOf).orElse(Set.of()));
        ledger.forEach(scan::accept);
        String problem = current.map(row -> scan.schemaProblem(row, source)).orElse("");
        if (problem.isEmpty()) {
            problem = test.map(row -> scan.testProblem(row, source)).orElse("");
        }
        if (!problem.isEmpty()) {
            return new Gate(GATE, false, problem);
        }
        return new Gate(
                GATE,
                true,
                "the history rows of '%s' the gates read match ledger records %s"
                        .formatted(source, scan.describeAnchors()));
    }

    /** The ledger record a row names in its details, when it names one. */
    private static Optional<Anchor> anchor(final Optional<HistoryEntry> row) {
        return row.flatMap(EvidenceAnchors::anchorOf);
    }

    static Optional<Anchor> anchorOf(final HistoryEntry row) {
        try {
            JsonNode ledgerRef = JSON.readTree(row.details()).path(EvidenceKeys.LEDGER);
            JsonNode sequence = ledgerRef.path(EvidenceKeys.SEQUENCE);
            JsonNode hash = ledgerRef.path(EvidenceKeys.HASH);
            if (sequence.canConvertToLong() && hash.isTextual()) {
                return Optional.of(new Anchor(sequence.asLong(), hash.asText()));
            }
        } catch (IOException | RuntimeException e) {
            // details written by hand or by an older version: the row names no record
        }
        return Optional.empty();
    }

    record Anchor(long sequence, String hash) {}

    /** One pass over the ledger: the anchored records, what settles the schema change's intent, the latest ones. */
    private static final class Scan {
        private final String product;
        private final String environment;
        private final Optional<Anchor> schemaAnchor;
        private final Optional<Anchor> testAnchor;
        private final Set<Long> bases;
        private final Map<Long, GovernanceRecord> anchored = new HashMap<>();
        private final Map<Long, GovernanceRecord> baseRecords = new HashMap<>();
        private GovernanceRecord settlement;
        private GovernanceRecord lastTest;
        private GovernanceRecord lastSchemaChange;

        Scan(
                final String product,
                final String environment,
                final Optional<Anchor> schemaAnchor,
                final Optional<Anchor> testAnchor,
                final Set<Long> bases) {
            this.bases = bases;
            this.product = product;
            this.environment = environment;
            this.schemaAnchor = schemaAnchor;
            this.testAnchor = testAnchor;
        }

        void accept(final GovernanceRecord record) {
            if (schemaAnchor.filter(a -> a.sequence() == record.sequence()).isPresent()
                    || testAnchor.filter(a -> a.sequence() == record.sequence()).isPresent()) {
                anchored.put(record.sequence(), record);
            }
            if (bases.contains(record.sequence())) {
                baseRecords.put(record.sequence(), record);
            }
            GovernanceEvent event = record.event();
            if (!event.product().equals(product) || !event.environment().equals(environment)) {
                return;
            }
            Optional<Long> settles = Ledger.settledIntent(record);
            if (schemaAnchor.isPresent()
                    && settles.equals(Optional.of(schemaAnchor.get().sequence()))) {
                settlement = record;
            }
            if (Action.TEST.matches(event.action())
                    && (Outcome.PASSED.matches(event.outcome()) || Outcome.FAILED.matches(event.outcome()))) {
                lastTest = record;
            }
            if (ReleaseHistory.SCHEMA_ACTIONS.contains(event.action())
                    && (Outcome.SUCCESS.matches(event.outcome()) || Outcome.INTERRUPTED.matches(event.outcome()))) {
                lastSchemaChange = record;
            }
        }

        String schemaProblem(final HistoryEntry row, final String source) {
            String missing = recordProblem(row, schemaAnchor, source);
            if (!missing.isEmpty()) {
                return missing;
            }
            GovernanceRecord intent = anchored.get(schemaAnchor.get().sequence());
            // a success outcome names what was applied; an interrupted record (a killed run) only settles the intent
            GovernanceRecord vouching = settlement != null
                            && Outcome.SUCCESS.matches(settlement.event().outcome())
                    ? settlement
                    : intent;
            String release = vouching.event().release();
            Object fingerprint = vouching.event().evidence().get(EvidenceKeys.FINGERPRINT);
            boolean settledBadly = settlement != null
                    && !Outcome.SUCCESS.matches(settlement.event().outcome())
                    && !Outcome.INTERRUPTED.matches(settlement.event().outcome());
            if (!Outcome.INTENT.matches(intent.event().outcome())
                    || !intent.event().action().equals(row.action())
                    || settledBadly
                    || !(release.isEmpty() || release.equals(row.release()))
                    || !Objects.equals(fingerprint, row.fingerprint())) {
                return mismatch(row, settlement == null ? intent : settlement, source, "migrate it again");
            }
            if (lastSchemaChange != null
                    && lastSchemaChange != settlement
                    && lastSchemaChange.sequence() > intent.sequence()) {
                return later(row, lastSchemaChange, source, "schema change", "migrate it again");
            }
            return "";
        }

        String testProblem(final HistoryEntry row, final String source) {
            String missing = recordProblem(row, testAnchor, source);
            if (!missing.isEmpty()) {
                return missing;
            }
            GovernanceRecord record = anchored.get(testAnchor.get().sequence());
            GovernanceEvent event = record.event();
            if (!Action.TEST.matches(event.action())
                    || !event.outcome().equals(row.outcome())
                    || !event.release().equals(row.release())
                    || !Objects.equals(event.evidence().get(EvidenceKeys.FINGERPRINT), row.fingerprint())) {
                return mismatch(row, record, source, "run the data tests there again");
            }
            if (lastTest != null && lastTest.sequence() > record.sequence()) {
                return later(row, lastTest, source, "data test run", "run the data tests there again");
            }
            return baseProblem(row, record, source);
        }

        /**
         * An incremental run checked only the rows changed since a full run; it is evidence of the whole table
         * only together with that full run, so the passing full run must be in the ledger, unedited, in the same
         * environment (and the row must list the same full runs as its record).
         */
        private String baseProblem(final HistoryEntry row, final GovernanceRecord record, final String source) {
            Set<Long> claimed = IncrementalRun.basesOf(record);
            if (!claimed.equals(bases)) {
                return mismatch(row, record, source, "run the data tests there again");
            }
            for (long base : claimed) {
                GovernanceRecord full = baseRecords.get(base);
                if (full == null
                        || !RecordCodec.hash(full).equals(full.hash())
                        || !Action.TEST.matches(full.event().action())
                        || !Outcome.PASSED.matches(full.event().outcome())
                        || !full.event().product().equals(product)
                        || !full.event().environment().equals(environment)) {
                    return ("%s is an incremental run built on the full run of ledger record #%d, which the ledger"
                                    + " does not hold as a passing data test of '%s'; run the data tests there with"
                                    + " full: true.")
                            .formatted(describe(row, source), base, source);
                }
            }
            return "";
        }

        /** The named record must exist, be the one named (same hash) and be unedited, in the same place. */
        private String recordProblem(final HistoryEntry row, final Optional<Anchor> anchor, final String source) {
            String what = describe(row, source);
            if (anchor.isEmpty()) {
                return what + " names no ledger record: it was written outside DataOps (or by a version that did not "
                        + "anchor rows); " + redo(row) + " so that it is recorded.";
            }
            GovernanceRecord record = anchored.get(anchor.get().sequence());
            if (record == null) {
                return what + " names ledger record #" + anchor.get().sequence()
                        + ", which the ledger does not hold (removed, or the row was written outside DataOps); "
                        + redo(row) + ".";
            }
            if (!record.hash().equals(anchor.get().hash())
                    || !RecordCodec.hash(record).equals(record.hash())) {
                return what + " names ledger record #" + record.sequence()
                        + ", but that record is not the one it names or was edited; run 'dataops verify-ledger'.";
            }
            GovernanceEvent event = record.event();
            if (!event.product().equals(row.product()) || !event.environment().equals(row.environment())) {
                return mismatch(row, record, source, redo(row));
            }
            return "";
        }

        private static String mismatch(
                final HistoryEntry row, final GovernanceRecord record, final String source, final String fix) {
            GovernanceEvent e = record.event();
            return "%s does not match ledger record #%d (%s in '%s' %s, release '%s'): the row was changed outside DataOps; %s."
                    .formatted(
                            describe(row, source),
                            record.sequence(),
                            e.action(),
                            e.environment(),
                            e.outcome(),
                            e.release(),
                            fix);
        }

        private static String later(
                final HistoryEntry row,
                final GovernanceRecord latest,
                final String source,
                final String what,
                final String fix) {
            return "%s is not the last %s the ledger holds for '%s' (record #%d, %s, release '%s'): a later row is missing from the history; %s."
                    .formatted(
                            describe(row, source),
                            what,
                            source,
                            latest.sequence(),
                            latest.event().outcome(),
                            latest.event().release(),
                            fix);
        }

        private static String describe(final HistoryEntry row, final String source) {
            return "history row #%d of '%s' (%s %s, release '%s')"
                    .formatted(row.id(), source, row.action(), row.outcome(), row.release());
        }

        private static String redo(final HistoryEntry row) {
            return Action.TEST.matches(row.action()) ? "run the data tests there again" : "migrate it again";
        }

        String describeAnchors() {
            return anchored.keySet().stream()
                    .sorted()
                    .map(s -> "#" + s)
                    .toList()
                    .toString();
        }
    }
}
