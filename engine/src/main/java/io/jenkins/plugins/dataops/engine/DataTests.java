package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.db.SessionSchema;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogFiles;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.quality.CheckSuite;
import io.jenkins.plugins.dataops.engine.quality.CheckSuiteLoader;
import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.DataTestRunner;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.release.ReleaseStack;
import io.jenkins.plugins.dataops.engine.release.Verification;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the product's data-test suites against an environment and records the run: a governance record with the
 * suites' checksum, counts and failures (with their bounded samples), and a {@code test} row in the
 * environment's release history, which promotion gates read. A suite declaring {@code since: <tag>} is skipped
 * in an environment that has not reached that release yet.
 */
final class DataTests {
    private final DataProductSpec spec;
    private final Session session;
    private final SchemaMigrator migrator;
    private final Recorder recorder;
    private final Function<String, DatabaseTarget> targets;

    DataTests(
            final DataProductSpec spec,
            final Session session,
            final SchemaMigrator migrator,
            final Recorder recorder,
            final Function<String, DatabaseTarget> targets) {
        this.spec = spec;
        this.session = session;
        this.migrator = migrator;
        this.recorder = recorder;
        this.targets = targets;
    }

    TestResult test(final TestRequest request) {
        DatabaseTarget target = recorder.recordFailure(
                Action.TEST, request.environment(), "", () -> targets.apply(request.environment()));
        try {
            return run(target, request);
        } catch (InvalidInputException e) {
            throw e; // a bad suite is the caller's to fix before anything ran
        } catch (DataOpsException e) {
            // a run that could not connect (or broke off) is evidence too: no test result must go unrecorded
            recorder.append(
                    Action.TEST,
                    target.environment(),
                    "",
                    Outcome.ERROR,
                    Evidence.of().with(EvidenceKeys.ERROR, e.getMessage()).build());
            throw e;
        }
    }

    private TestResult run(final DatabaseTarget target, final TestRequest options) {
        List<CheckSuite> suites = options.suite()
                .map(name -> CheckSuiteLoader.load(spec.checks(), name))
                .orElseGet(() -> CheckSuiteLoader.load(spec.checks()));
        requireSchema(target);
        // only a suite that starts at a release needs to know the applied ones
        Set<String> appliedTags = suites.stream().allMatch(s -> s.since().isEmpty())
                ? Set.of()
                : Set.copyOf(migrator.appliedTags(new MigrationRequest(
                                target, spec.changelog(), null, false, false, session.progress())
                        .withResources(
                                spec.migration().searchPath(), spec.migration().extensions())));
        List<CheckSuite> applicable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (CheckSuite suite : suites) {
            if (suite.since().isEmpty() || appliedTags.contains(suite.since())) {
                applicable.add(suite);
            } else {
                skipped.add(suite.name());
                session.progress()
                        .info("Suite '%s' applies from release '%s', which '%s' has not reached: skipped."
                                .formatted(suite.name(), suite.since(), target.environment()));
            }
        }
        String release = ReleaseStack.of(new ReleaseHistory(target).list(spec.product()))
                .current()
                .orElse("");
        ChangeLogFiles changeLog = migrator.readChangeLog(Fingerprints.sources(spec));
        String fingerprint = Fingerprints.releaseFingerprint(spec, changeLog);
        IncrementalRun incremental =
                new IncrementalRun(spec.product(), target, applicable, release, session, options.isFull());
        DataTestReport report = new DataTestRunner(target, session.progress())
                .run(
                        applicable,
                        DataTestOptions.defaults()
                                .withSampleSize(options.sampleSize())
                                .withThreads(options.threads())
                                .withNow(session.clock().instant())
                                .withWatermarks(incremental.watermarks()));
        boolean breached = report.isBreached(options.failOn());
        Outcome outcome = breached ? Outcome.FAILED : Outcome.PASSED;
        Evidence recordEvidence = Evidence.of()
                .withChecks(report, skipped, options.sampleSize())
                .with(EvidenceKeys.FINGERPRINT, fingerprint);
        if (!report.watermarks().isEmpty()) {
            recordEvidence.with(IncrementalRun.EVIDENCE_KEY, incremental.evidence(report));
        }
        new SampleFiles(spec.stateDir())
                .write(
                        target.environment(),
                        report,
                        options.sampleSize(),
                        session.clock().instant())
                .ifPresent(file -> recordEvidence.with(EvidenceKeys.SAMPLE_FILE, file));
        Map<String, Object> evidence = recordEvidence.build();
        GovernanceRecord recorded = recorder.append(Action.TEST, target.environment(), release, outcome, evidence);
        recordInHistory(
                target,
                release,
                fingerprint,
                Fingerprints.changelogChecksum(changeLog),
                outcome,
                report,
                options,
                incremental.bases(report),
                recorded);
        if (outcome == Outcome.PASSED) {
            // after the ledger record (which vouches for the new watermarks) and the history row: a run killed
            // before this line leaves the old watermarks, so the next run checks these rows again
            incremental.advance(report, recorded);
        }
        return new TestResult(report, release, fingerprint, skipped, breached);
    }

    /** Refuses, before any query, a PostgreSQL URL whose {@code currentSchema} does not exist. */
    private static void requireSchema(final DatabaseTarget target) {
        if (target.dialect() != Dialect.POSTGRES) {
            return; // only PostgreSQL sessions can lack a current schema: no extra connection elsewhere
        }
        try (Connection connection = target.open()) {
            SessionSchema.require(connection, target);
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot read the current schema of environment '%s': %s"
                            .formatted(target.environment(), e.getMessage()),
                    e);
        }
    }

    /**
     * Adds the run to the environment's release history. The ledger already holds it, so a login that may not
     * create the history table (a read-only login on an adopted database) gets a warning, not a failed run; the
     * promotion gate, which reads the history, then finds no passing run and refuses: it fails closed.
     */
    private void recordInHistory(
            final DatabaseTarget target,
            final String release,
            final String fingerprint,
            final String changelogChecksum,
            final Outcome outcome,
            final DataTestReport report,
            final TestRequest options,
            final List<Long> incrementalBases,
            final GovernanceRecord recorded) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(EvidenceKeys.SUMMARY, report.summary());
        details.put(EvidenceKeys.FAIL_ON, options.failOn().name().toLowerCase(Locale.ROOT));
        if (!incrementalBases.isEmpty()) {
            // the promotion gate looks these full runs up in the ledger before it takes this run as evidence
            details.put(IncrementalRun.BASES_KEY, new ArrayList<>(incrementalBases));
        }
        try {
            recorder.history(target, Action.TEST, release, fingerprint, changelogChecksum, outcome, details, recorded);
        } catch (DataOpsException e) {
            session.progress()
                    .warn(("The test run is recorded in the ledger but not in the release history of environment "
                                    + "'%s': %s; a promotion from it will not see this run. Let the login create "
                                    + "tables in the state schema (or create %s once as an admin) to keep it.")
                            .formatted(
                                    target.environment(),
                                    e.getCause() == null
                                            ? e.getMessage()
                                            : e.getCause().getMessage(),
                                    ReleaseHistory.TABLE));
        }
    }

    /** Post-deploy verification: every suite, failing on errors only. */
    Verification verify(final DatabaseTarget target) {
        TestResult outcome = run(target, TestRequest.of(target.environment()));
        return new Verification(
                !outcome.breached(),
                outcome.report().summary(),
                evidence(outcome.report(), outcome.skippedSuites(), DataTestOptions.DEFAULT_SAMPLE_SIZE));
    }

    private static Map<String, Object> evidence(
            final DataTestReport report, final List<String> skipped, final int sampleSize) {
        return Evidence.of().withChecks(report, skipped, sampleSize).build();
    }
}
