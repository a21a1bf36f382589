package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.drift.DriftDetector;
import io.jenkins.plugins.dataops.engine.impact.CheckImpact;
import io.jenkins.plugins.dataops.engine.impact.ImpactAnalyzer;
import io.jenkins.plugins.dataops.engine.impact.ImpactReport;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import io.jenkins.plugins.dataops.engine.quality.CheckSuiteLoader;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Impact analysis before apply: what the changesets pending in an environment drop, rename or retype, which of
 * the release's checks that breaks or follows, and which views, keys and indexes depend on it.
 */
final class Impacts {
    private final DataProductSpec spec;
    private final Session session;
    private final ChangeLogAuditor auditor;

    Impacts(final DataProductSpec spec, final Session session, final ChangeLogAuditor auditor) {
        this.spec = spec;
        this.session = session;
        this.auditor = auditor;
    }

    /**
     * Analyses the changesets pending up to a tag, and reports every line on the progress listener.
     *
     * @param target the environment
     * @param tag    up to this tag; null for everything pending
     * @return the impact; empty when nothing pending drops, renames or retypes anything
     */
    ImpactReport analyze(final DatabaseTarget target, final String tag) {
        List<SchemaChange> changes = auditor.pendingChanges(
                new MigrationRequest(target, spec.changelog(), tag, false, false, session.progress())
                        .withSources(Fingerprints.sources(spec)));
        if (changes.isEmpty()) {
            return ImpactReport.none(target.environment());
        }
        ImpactReport report = ImpactAnalyzer.analyze(
                target.environment(),
                changes,
                Files.isDirectory(spec.checks()) ? CheckSuiteLoader.load(spec.checks()) : List.of(),
                DriftDetector.snapshot(target));
        report.lines()
                .forEach(line -> session.progress().info("Impact on '%s': %s".formatted(target.environment(), line)));
        return report;
    }

    /** @return the checks of an impact as evidence entries */
    static List<Object> checksEvidence(final ImpactReport report) {
        return report.checks().stream().map(c -> (Object) c.toMap()).toList();
    }

    /** @return the dependents of an impact as evidence entries */
    static List<Object> dependentsEvidence(final ImpactReport report) {
        return report.dependents().stream().map(d -> (Object) d.toMap()).toList();
    }

    /**
     * Refuses a migration whose schema changes break checks the release does not update.
     *
     * @param report  the impact
     * @param allowed whether the caller allows it ({@code --allow-broken-checks})
     * @throws OperationRefusedException naming every check that would break; nothing was applied
     */
    static void refuseBrokenChecks(final ImpactReport report, final boolean allowed) {
        List<CheckImpact> breaking = report.breaking();
        if (breaking.isEmpty() || allowed) {
            return;
        }
        throw new OperationRefusedException(("Refusing to migrate environment '%s': %d data-test check(s) read what "
                        + "the release drops, renames or retypes and the release does not update them: %s. Nothing was "
                        + "applied; update the checks in the same release, or allow it with --allow-broken-checks (the "
                        + "allowance is recorded in the ledger).")
                .formatted(
                        report.environment(),
                        breaking.size(),
                        breaking.stream().map(CheckImpact::describe).collect(Collectors.joining("; "))));
    }
}
