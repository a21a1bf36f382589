package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.impact.ImpactReport;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.release.EnvironmentLock;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.util.function.Function;

/**
 * Schema changes for {@link DataOps}: the status of an environment against the changelog, migrating it (or
 * rendering the SQL of a dry run) under the environment's lock after the rollback-readiness and
 * destructive-change checks, and its history, each change recorded in the ledger and the release history.
 */
final class Migrations {
    private final DataProductSpec spec;
    private final Session session;
    private final SchemaMigrator migrator;
    private final Recorder recorder;
    private final Function<String, DatabaseTarget> targets;
    private final Releases releases;
    private final Impacts impacts;

    Migrations(
            final DataProductSpec spec,
            final Session session,
            final SchemaMigrator migrator,
            final Recorder recorder,
            final Function<String, DatabaseTarget> targets,
            final Releases releases,
            final Impacts impacts) {
        this.spec = spec;
        this.session = session;
        this.migrator = migrator;
        this.recorder = recorder;
        this.targets = targets;
        this.releases = releases;
        this.impacts = impacts;
    }

    StatusResult status(final StatusRequest request) {
        MigrationRequest migration =
                migration(request.environment(), request.tag().orElse(null), false, false);
        return new StatusResult(migrator.status(migration), impacts.analyze(migration.target(), migration.tag()));
    }

    MigrateResult migrate(final MigrateRequest options) {
        String environment = options.environment();
        String fingerprint = Fingerprints.releaseFingerprint(spec, migrator);
        String release = options.tag().orElse("");
        MigrationRequest request = recorder.recordFailure(
                Action.MIGRATE,
                environment,
                release,
                () -> migration(
                        environment,
                        options.tag().orElse(null),
                        options.isAllowNoRollback() || spec.policy().allowNoRollback(),
                        options.isAllowDestructive() || spec.policy().allowDestructive()));
        ImpactReport impact = recorder.recordFailure(
                Action.MIGRATE, environment, release, () -> impacts.analyze(request.target(), request.tag()));
        if (options.isDryRun()) {
            return new MigrateResult(
                    environment, release, fingerprint, null, migrator.updateSql(request), true, impact);
        }
        recorder.recordFailure(Action.MIGRATE, environment, release, () -> {
            Impacts.refuseBrokenChecks(impact, options.isAllowBrokenChecks());
            return impact;
        });
        try (EnvironmentLock ignored = recorder.recordFailure(
                Action.MIGRATE, environment, release, () -> releases.lock(request.target(), Action.MIGRATE))) {
            MigrationResult result = recorder.recordWithHistory(
                    Action.MIGRATE,
                    request.target(),
                    release,
                    fingerprint,
                    () -> migrator.update(request),
                    r -> Evidence.of()
                            .withMigration(r)
                            .with(EvidenceKeys.ALLOW_NO_ROLLBACK, request.allowNoRollback())
                            .with(EvidenceKeys.ALLOW_DESTRUCTIVE, request.allowDestructive())
                            .with(EvidenceKeys.ALLOW_BROKEN_CHECKS, options.isAllowBrokenChecks())
                            .with(EvidenceKeys.IMPACT, Impacts.checksEvidence(impact))
                            .with(EvidenceKeys.DEPENDENTS, Impacts.dependentsEvidence(impact)));
            return new MigrateResult(environment, result.tagAfter(), fingerprint, result, "", false, impact);
        }
    }

    HistoryResult history(final HistoryRequest request) {
        MigrationRequest migration = migration(request.environment(), null, false, false);
        return new HistoryResult(
                request.environment(),
                new ReleaseHistory(migration.target()).list(spec.product()),
                migrator.history(migration));
    }

    private MigrationRequest migration(
            final String environment, final String tag, final boolean allowNoRollback, final boolean allowDestructive) {
        return new MigrationRequest(
                        targets.apply(environment),
                        spec.changelog(),
                        tag,
                        allowNoRollback,
                        allowDestructive,
                        session.progress())
                .withSources(Fingerprints.sources(spec));
    }
}
