package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.quality.CheckSuite;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.WatermarkRange;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import io.jenkins.plugins.dataops.engine.release.TestWatermarks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for the incremental suites of one data-test run, which may check only the rows changed since their
 * watermark, records that decision in the run's evidence, and moves the watermarks on after a passing run. A
 * watermark is used only when the same suite file ran in the same release and the passing ledger record that set
 * it vouches for it: the watermark table lives in the environment's database, which the environment's own users
 * can write, so a row they wrote (e.g. a watermark in the future, which would check nothing) is not trusted on a
 * ledger that holds every record. Any doubt means a full run, which is always safe.
 */
final class IncrementalRun {
    /** The evidence key of the per-suite decisions in a test record. */
    static final String EVIDENCE_KEY = "incremental";
    /** The history-row key listing the ledger records of the full runs an incremental run builds on. */
    static final String BASES_KEY = "incrementalBases";

    private final String product;
    private final DatabaseTarget target;
    private final List<CheckSuite> suites;
    private final String release;
    private final Session session;
    private final Map<String, TestWatermarks.Mark> used = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    IncrementalRun(
            final String product,
            final DatabaseTarget target,
            final List<CheckSuite> suites,
            final String release,
            final Session session,
            final boolean full) {
        this.product = product;
        this.target = target;
        this.suites = suites.stream().filter(CheckSuite::isIncremental).toList();
        this.release = release;
        this.session = session;
        if (!this.suites.isEmpty()) {
            decide(full);
        }
    }

    private void decide(final boolean full) {
        if (full) {
            suites.forEach(s -> reasons.put(s.name(), "a full run was asked for"));
            return;
        }
        Map<String, TestWatermarks.Mark> marks;
        try {
            marks = new TestWatermarks(target).read(product);
        } catch (DataOpsException e) {
            session.progress().warn(e.getMessage() + "; the incremental suites check every row this time.");
            suites.forEach(s -> reasons.put(s.name(), "the watermarks could not be read"));
            return;
        }
        Map<Long, GovernanceRecord> vouching = vouchingRecords(marks);
        for (CheckSuite suite : suites) {
            String reason = reset(suite, marks.get(suite.name()), vouching);
            if (reason.isEmpty()) {
                used.put(suite.name(), marks.get(suite.name()));
            } else {
                reasons.put(suite.name(), reason);
                session.progress().info("Suite '%s' checks every row: %s.".formatted(suite.name(), reason));
            }
        }
    }

    /** Why a suite's watermark cannot be used, or empty when it can. */
    private String reset(
            final CheckSuite suite, final TestWatermarks.Mark mark, final Map<Long, GovernanceRecord> vouching) {
        if (mark == null) {
            return "no passing run has set its watermark in environment '" + target.environment() + "' yet";
        }
        if (!mark.column().equals(suite.incremental())) {
            return "its incremental column changed from '" + mark.column() + "'";
        }
        if (!mark.suiteChecksum().equals(suite.checksum())) {
            return "the suite file changed since the run that set its watermark";
        }
        if (!mark.release().equals(release)) {
            return "the release changed from '" + mark.release() + "' to '" + release + "'";
        }
        if (session.ledger().isComplete() && !vouches(vouching.get(mark.ledgerSequence()), mark)) {
            session.progress()
                    .warn(("The watermark of suite '%s' in environment '%s' names ledger record #%d, which does not"
                                    + " vouch for it (missing, edited, or the row was written outside DataOps); the"
                                    + " suite checks every row.")
                            .formatted(suite.name(), target.environment(), mark.ledgerSequence()));
            return "its watermark row is not vouched for by the ledger";
        }
        return "";
    }

    /** One pass over the ledger for the records the watermark rows name. */
    private Map<Long, GovernanceRecord> vouchingRecords(final Map<String, TestWatermarks.Mark> marks) {
        Map<Long, GovernanceRecord> records = new HashMap<>();
        if (marks.isEmpty() || !session.ledger().isComplete()) {
            return records;
        }
        List<Long> wanted =
                marks.values().stream().map(TestWatermarks.Mark::ledgerSequence).toList();
        session.ledger().forEach(r -> {
            if (wanted.contains(r.sequence())) {
                records.put(r.sequence(), r);
            }
        });
        return records;
    }

    /** The record must be the unedited passing test run of this environment that set exactly this watermark. */
    private boolean vouches(final GovernanceRecord record, final TestWatermarks.Mark mark) {
        if (record == null
                || !record.hash().equals(mark.ledgerHash())
                || !RecordCodec.hash(record).equals(record.hash())
                || !Action.TEST.matches(record.event().action())
                || !Outcome.PASSED.matches(record.event().outcome())
                || !record.event().product().equals(product)
                || !record.event().environment().equals(target.environment())) {
            return false;
        }
        Object entries = record.event().evidence().get(EVIDENCE_KEY);
        if (!(entries instanceof List<?> list)) {
            return false;
        }
        return list.stream()
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .anyMatch(e -> mark.suite().equals(e.get("suite"))
                        && mark.watermark().equals(e.get("watermark"))
                        && mark.baseSequence() == base(e, record.sequence()));
    }

    private static long base(final Map<?, ?> entry, final long self) {
        return entry.get("base") instanceof Number n ? n.longValue() : self;
    }

    /**
     * Returns the watermarks the run starts from.
     *
     * @return suite name to watermark, for the suites that check only their changed rows
     */
    Map<String, String> watermarks() {
        Map<String, String> marks = new LinkedHashMap<>();
        used.forEach((suite, mark) -> marks.put(suite, mark.watermark()));
        return marks;
    }

    /**
     * Returns what the record of the run says per incremental suite: full or incremental (and why full), the
     * watermark range, the watermark the next run starts from and, for an incremental run, the ledger record of
     * the full run it builds on.
     *
     * @param report the run's report
     * @return one entry per incremental suite, empty when the run has none
     */
    List<Map<String, Object>> evidence(final DataTestReport report) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (WatermarkRange range : report.watermarks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("suite", range.suite());
            entry.put("column", range.column());
            entry.put("mode", range.isIncremental() ? "incremental" : "full");
            entry.put("after", range.after());
            entry.put("upTo", range.upTo());
            entry.put("watermark", range.next());
            Optional.ofNullable(used.get(range.suite()))
                    .filter(m -> range.isIncremental())
                    .ifPresent(m -> entry.put("base", m.baseSequence()));
            Optional.ofNullable(reasons.get(range.suite())).ifPresent(r -> entry.put("reason", r));
            entries.add(entry);
        }
        return entries;
    }

    /**
     * Returns the ledger records of the full runs this run's incremental suites build on.
     *
     * @param report the run's report
     * @return their sequences, empty for a full run
     */
    List<Long> bases(final DataTestReport report) {
        return report.watermarks().stream()
                .filter(WatermarkRange::isIncremental)
                .map(r -> used.get(r.suite()))
                .filter(Objects::nonNull)
                .map(TestWatermarks.Mark::baseSequence)
                .distinct()
                .toList();
    }

    /**
     * Moves the watermarks on after a passing run. A login that may not write the table gets a warning: the next
     * run then checks every row again, which is slower but never misses a row.
     *
     * @param report   the passing run's report
     * @param recorded its ledger record
     */
    void advance(final DataTestReport report, final GovernanceRecord recorded) {
        List<TestWatermarks.Mark> marks = new ArrayList<>();
        for (WatermarkRange range : report.watermarks()) {
            Optional<CheckSuite> suite =
                    suites.stream().filter(s -> s.name().equals(range.suite())).findFirst();
            if (suite.isEmpty() || range.next().isEmpty()) {
                continue; // an empty table has no watermark yet: the next run checks every row again
            }
            TestWatermarks.Mark before = range.isIncremental() ? used.get(range.suite()) : null;
            marks.add(new TestWatermarks.Mark(
                    range.suite(),
                    suite.get().incremental(), // as written: a changed spelling in the suite is a changed suite
                    range.next(),
                    suite.get().checksum(),
                    release,
                    before == null ? recorded.sequence() : before.baseSequence(),
                    recorded.sequence(),
                    recorded.hash(),
                    recorded.timeMillis()));
        }
        if (marks.isEmpty()) {
            return;
        }
        try {
            new TestWatermarks(target).save(product, marks);
        } catch (DataOpsException e) {
            session.progress()
                    .warn(e.getMessage()
                            + "; the next run of the incremental suites checks every row again. Let the login create"
                            + " and write " + TestWatermarks.TABLE + " in the state schema to keep the watermarks.");
        }
    }

    /** The full runs an incremental test run builds on, as its history row lists them. */
    static Set<Long> basesOf(final HistoryEntry row) {
        Set<Long> bases = new TreeSet<>();
        try {
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(row.details())
                    .path(BASES_KEY)
                    .forEach(n -> {
                        if (n.canConvertToLong()) {
                            bases.add(n.asLong());
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // details written by hand or by an older version: the row names no base, the record decides
        }
        return bases;
    }

    /** The full runs an incremental test record builds on, as its evidence says. */
    static Set<Long> basesOf(final GovernanceRecord record) {
        Set<Long> bases = new TreeSet<>();
        if (record.event().evidence().get(EVIDENCE_KEY) instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("base") instanceof Number base) {
                    bases.add(base.longValue());
                }
            }
        }
        return bases;
    }
}
