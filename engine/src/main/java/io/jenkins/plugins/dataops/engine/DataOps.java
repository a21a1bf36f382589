package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import io.jenkins.plugins.dataops.engine.governance.report.RecordSource;
import io.jenkins.plugins.dataops.engine.governance.report.ReportFormat;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.PromotionFailedException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.provision.ProvisionerRegistry;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.release.EnvironmentLock;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The engine's facade: one method per DataOps operation on one data product. Every method that changes
 * something records a governance record in the session's ledger (also when it is refused or fails) and,
 * where it changes a database, a row in that environment's release history.
 */
public final class DataOps {
    private final DataProductSpec spec;
    private final Session session;
    private final ProvisionerRegistry provisioners;
    private final SchemaMigrator migrator;
    private final Recorder recorder;
    private final Environments environments;
    private final Releases releases;
    private final DataTests dataTests;
    private final Provisioning provisioning;

    /**
     * Creates the facade with the built-in providers and Liquibase.
     *
     * @param spec    the validated spec
     * @param session who acts and where the engine reports
     */
    public DataOps(final DataProductSpec spec, final Session session) {
        this(spec, session, BuiltInProvisioners.registry(), new LiquibaseSchemaMigrator());
    }

    /**
     * Creates the facade with the given parts (tests, other providers).
     *
     * @param spec         the validated spec
     * @param session      who acts and where the engine reports
     * @param provisioners the providers
     * @param migrator     the schema migrator
     */
    public DataOps(
            final DataProductSpec spec,
            final Session session,
            final ProvisionerRegistry provisioners,
            final SchemaMigrator migrator) {
        this.spec = spec;
        this.session = session;
        this.provisioners = provisioners;
        this.migrator = migrator;
        this.recorder = new Recorder(spec, session);
        this.environments = new Environments(spec, session);
        this.dataTests = new DataTests(spec, session, migrator, recorder);
        this.provisioning = new Provisioning(session, provisioners, recorder, environments);
        this.releases = new Releases(spec, session, migrator, recorder, this::target, dataTests::verify);
    }

    /**
     * Loads a spec and creates the facade.
     *
     * @param specFile the spec file
     * @param session  who acts and where the engine reports
     * @return the facade
     * @throws InvalidInputException when the spec is invalid
     */
    public static DataOps open(final Path specFile, final Session session) {
        return new DataOps(SpecLoader.load(specFile), session);
    }

    /**
     * Returns the ledger the command line keeps beside a spec.
     *
     * @param spec  the data product
     * @param clock the clock that stamps records
     * @return the JSON-lines ledger in the state folder
     */
    public static JsonLinesLedger fileLedger(final DataProductSpec spec, final Clock clock) {
        return new JsonLinesLedger(spec.stateDir().resolve(JsonLinesLedger.FILE_NAME), clock);
    }

    public DataProductSpec spec() {
        return spec;
    }

    /**
     * Shows what provisioning an environment would change. Changes nothing.
     *
     * @param environment the environment
     * @return the plan
     */
    public ProvisioningPlan plan(final String environment) {
        ProvisioningContext context = context(environment);
        return provisioners.get(context.environment().provider()).plan(context);
    }

    /**
     * Creates or updates an environment's infrastructure to match the spec.
     *
     * @param environment the environment
     * @return the plan that was applied
     */
    public ProvisioningPlan provision(final String environment) {
        return provisioning.provision(environment);
    }

    /**
     * Removes what the product owns in an environment.
     *
     * @param environment the environment
     * @return what was removed
     */
    public ProvisioningPlan destroy(final String environment) {
        return provisioning.destroy(environment);
    }

    /**
     * Creates a throw-away environment from the spec's ephemeral template.
     *
     * @param name its name, e.g. {@code pr-42}
     * @param ttl  how long it may live before {@link #gc()} destroys it; null for the template's {@code ttl}
     * @return the environment with its expiry
     * @throws InvalidInputException when the spec has no template or the name is taken or invalid
     */
    public EphemeralEnvironment createEphemeral(final String name, final Duration ttl) {
        return provisioning.createEphemeral(name, ttl);
    }

    /**
     * Destroys every ephemeral environment whose expiry has passed.
     *
     * @return the names destroyed
     */
    public List<String> gc() {
        return provisioning.gc();
    }

    /**
     * Compares an environment's schema with the changelog. Changes nothing.
     *
     * @param environment the environment
     * @param tag         up to this tag; null for everything
     * @return the current tag and the pending changesets with their readiness findings
     */
    public MigrationStatus status(final String environment, final String tag) {
        return migrator.status(request(environment, tag, false, false));
    }

    /**
     * Applies pending changesets (or renders their SQL for a dry run), after the rollback-readiness and
     * destructive-change checks.
     *
     * @param options what to do
     * @return what was applied
     * @throws OperationRefusedException when a check refuses; nothing was applied
     */
    public MigrateOutcome migrate(final MigrateOptions options) {
        String fingerprint = Fingerprints.releaseFingerprint(spec);
        String release = nullToEmpty(options.tag());
        MigrationRequest request = recorder.recordFailure(
                Action.MIGRATE,
                options.environment(),
                release,
                () -> request(
                        options.environment(),
                        options.tag(),
                        options.allowNoRollback() || spec.policy().allowNoRollback(),
                        options.allowDestructive() || spec.policy().allowDestructive()));
        if (options.dryRun()) {
            return new MigrateOutcome(options.environment(), release, fingerprint, null, migrator.updateSql(request));
        }
        try (EnvironmentLock ignored = recorder.recordFailure(
                Action.MIGRATE,
                options.environment(),
                release,
                () -> releases.lock(request.target(), Action.MIGRATE))) {
            MigrationResult result = recorder.recordWithHistory(
                    Action.MIGRATE,
                    request.target(),
                    release,
                    fingerprint,
                    () -> migrator.update(request),
                    r -> Evidence.of()
                            .withMigration(r)
                            .with(EvidenceKeys.ALLOW_NO_ROLLBACK, request.allowNoRollback())
                            .with(EvidenceKeys.ALLOW_DESTRUCTIVE, request.allowDestructive()));
            return new MigrateOutcome(options.environment(), result.tagAfter(), fingerprint, result, "");
        }
    }

    /**
     * Runs the data-test suites against an environment, pushed down to its database (one scan per table for
     * column checks), and records the run as evidence for promotion gates.
     *
     * @param options which environment, suites and failure threshold
     * @return every check's result, and whether the run breaches {@code failOn}
     * @throws InvalidInputException when a suite is invalid or names a table or column the database lacks
     */
    public DataTestOutcome test(final TestOptions options) {
        DatabaseTarget target =
                recorder.recordFailure(Action.TEST, options.environment(), "", () -> target(options.environment()));
        return dataTests.run(target, options);
    }

    /**
     * Promotes a release to the next environment: gates from evidence, then the schema change under the target's
     * lock, then the target's data tests, and the way back when they fail ({@code onFailure}).
     *
     * @param options what to promote where
     * @return the gates, what was applied and the verification
     * @throws OperationRefusedException when a gate refuses; nothing was changed
     * @throws PromotionFailedException  when the post-deploy data tests failed
     */
    public PromotionResult promote(final PromoteOptions options) {
        return releases.promote(options);
    }

    /**
     * Rolls an environment back to the release it ran before, or to a named one, and verifies it with the data
     * tests.
     *
     * @param environment the environment
     * @param toRelease   the release tag to go back to; null for the previous release
     * @return what was rolled back
     * @throws OperationRefusedException before touching anything when a changeset in the way has no rollback
     */
    public RollbackResult rollback(final String environment, final String toRelease) {
        return releases.rollback(environment, toRelease);
    }

    /**
     * Reads what happened to an environment from its own database.
     *
     * @param environment the environment
     * @return its release history and applied changesets
     */
    public EnvironmentHistory history(final String environment) {
        MigrationRequest request = request(environment, null, false, false);
        return new EnvironmentHistory(
                environment, new ReleaseHistory(request.target()).list(spec.product()), migrator.history(request));
    }

    /**
     * Writes the governance report of the session's ledger: the standalone HTML page (timeline, filterable
     * table, evidence, integrity banner), or CSV or JSON of the filtered records. Records are streamed.
     *
     * @param format html, csv or json
     * @param filter which records
     * @param out    where to write (the caller closes it)
     * @throws IOException when writing fails
     */
    public void writeReport(final ReportFormat format, final RecordFilter filter, final Writer out) throws IOException {
        ReportOptions options = ReportOptions.titled("Governance report: " + spec.product())
                .withVerification(session.ledger().verify())
                .withPromotionPath(spec.product(), spec.promotion())
                .withGeneratedAt(session.clock().instant())
                .withFilter(filter);
        format.write(RecordSource.of(session.ledger()), options, out);
    }

    /**
     * Verifies the session's ledger.
     *
     * @return intact, or the first broken record
     */
    public LedgerVerification verifyLedger() {
        return session.ledger().verify();
    }

    private MigrationRequest request(
            final String environment, final String tag, final boolean allowNoRollback, final boolean allowDestructive) {
        return new MigrationRequest(
                target(environment), spec.changelog(), tag, allowNoRollback, allowDestructive, session.progress());
    }

    /**
     * Returns where an environment's database is and the login the engine uses there.
     *
     * @param environment a declared or ephemeral environment
     * @return the database target
     * @throws OperationRefusedException when the environment is not provisioned (embedded provider)
     */
    public DatabaseTarget target(final String environment) {
        ProvisioningContext context = context(environment);
        return provisioners.get(context.environment().provider()).target(context);
    }

    private ProvisioningContext context(final String environment) {
        return environments.context(environment);
    }

    private static String nullToEmpty(final String text) {
        return text == null ? "" : text;
    }
}
