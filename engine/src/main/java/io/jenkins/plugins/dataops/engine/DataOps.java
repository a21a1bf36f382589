package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.PromotionFailedException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.provision.ProvisionerRegistry;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The engine's facade: one method per DataOps operation on one data product. Every method that changes
 * something records a governance record in the session's ledger (also when it is refused or fails) and,
 * where it changes a database, a row in that environment's release history.
 */
public final class DataOps {
    private final DataProductSpec spec;
    private final Provisioning provisioning;
    private final Migrations migrations;
    private final DataTests dataTests;
    private final Releases releases;
    private final LedgerReports ledgerReports;
    private final Drifts drifts;
    private final Recorder recorder;

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
        Recorder recorder = new Recorder(spec, session, migrator);
        this.provisioning = new Provisioning(session, provisioners, recorder, new Environments(spec, session));
        this.dataTests = new DataTests(spec, session, migrator, recorder, provisioning::target);
        ChangeLogAuditor auditor = new LiquibaseChangeLogAuditor();
        this.drifts = new Drifts(spec, session, recorder, auditor);
        Impacts impacts = new Impacts(spec, session, auditor);
        this.releases = new Releases(
                spec,
                session,
                migrator,
                recorder,
                provisioning::target,
                dataTests::verify,
                new PromotionChecks(drifts, impacts));
        this.migrations = new Migrations(spec, session, migrator, recorder, provisioning::target, releases, impacts);
        this.recorder = recorder;
        this.ledgerReports = new LedgerReports(spec, session, provisioning);
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
        return fileLedger(spec, clock, null);
    }

    /**
     * Returns the ledger the command line keeps beside a spec, keyed when a key is given.
     *
     * @param spec  the data product
     * @param clock the clock that stamps records
     * @param key   the ledger key, null for none
     * @return the JSON-lines ledger in the state folder
     */
    public static JsonLinesLedger fileLedger(final DataProductSpec spec, final Clock clock, final LedgerKey key) {
        return new JsonLinesLedger(spec.stateDir().resolve(JsonLinesLedger.FILE_NAME), clock, key);
    }

    public DataProductSpec spec() {
        return spec;
    }

    /**
     * Shows what provisioning an environment would change. Changes nothing.
     *
     * @param request the environment
     * @return the plan
     */
    public PlanResult plan(final PlanRequest request) {
        return provisioning.plan(request);
    }

    /**
     * Shows what creating a throw-away environment from the spec's ephemeral template would create. Changes
     * nothing (no registry entry, no database).
     *
     * @param request its name; its time to live is checked as for creating it
     * @return the plan
     * @throws InvalidInputException when the spec has no template or the name is a declared environment or invalid
     */
    public PlanResult planEphemeral(final CreateEphemeralRequest request) {
        return provisioning.planEphemeral(request);
    }

    /**
     * Creates or updates an environment's infrastructure to match the spec.
     *
     * @param request the environment
     * @return the plan that was applied
     */
    public ProvisionResult provision(final ProvisionRequest request) {
        return provisioning.provision(request);
    }

    /**
     * Removes what the product owns in an environment.
     *
     * @param request the environment
     * @return what was removed
     */
    public DestroyResult destroy(final DestroyRequest request) {
        return provisioning.destroy(request);
    }

    /**
     * Creates a throw-away environment from the spec's ephemeral template.
     *
     * @param request its name, e.g. {@code pr-42}, and how long it may live before {@link #gc} destroys it
     * @return the environment with its expiry
     * @throws InvalidInputException when the spec has no template or the name is taken or invalid
     */
    public CreateEphemeralResult createEphemeral(final CreateEphemeralRequest request) {
        return provisioning.createEphemeral(request);
    }

    /**
     * Destroys every ephemeral environment whose expiry has passed.
     *
     * @param request which (every expired one)
     * @return the names destroyed
     */
    public GcResult gc(final GcRequest request) {
        return provisioning.gc(request);
    }

    /**
     * Compares an environment's schema with the changelog. Changes nothing.
     *
     * @param request the environment, and optionally the tag to compare up to
     * @return the current tag and the pending changesets with their readiness findings
     */
    public StatusResult status(final StatusRequest request) {
        return migrations.status(request);
    }

    /**
     * Applies pending changesets (or renders their SQL for a dry run), after the rollback-readiness and
     * destructive-change checks.
     *
     * @param request what to do
     * @return what was applied
     * @throws OperationRefusedException when a check refuses; nothing was applied
     */
    public MigrateResult migrate(final MigrateRequest request) {
        return migrations.migrate(request);
    }

    /**
     * Compares an environment's live schema with the schema its changelog produces up to the release it runs
     * (built in a scratch database of the same dialect, removed afterwards), and its applied changesets with the
     * changelog. Changes nothing in the environment; the check and its findings are recorded in the ledger.
     *
     * @param request the environment
     * @return every difference, with the expected and the live value; none when the environment is clean
     * @throws InvalidInputException when the environment is unknown or the changelog cannot be parsed
     * @throws DataOpsException      when the scratch database cannot be created (naming the permission needed)
     */
    public DriftResult drift(final DriftRequest request) {
        DatabaseTarget target = recorder.recordFailure(
                Action.DRIFT, request.environment(), "", () -> provisioning.target(request.environment()));
        return new DriftResult(drifts.check(target));
    }

    /**
     * Runs the data-test suites against an environment, pushed down to its database (one scan per table for
     * column checks), and records the run as evidence for promotion gates.
     *
     * @param request which environment, suites and failure threshold
     * @return every check's result, and whether the run breaches {@code failOn}
     * @throws InvalidInputException when a suite is invalid or names a table or column the database lacks
     */
    public TestResult test(final TestRequest request) {
        return dataTests.test(request);
    }

    /**
     * Promotes a release to the next environment: gates from evidence, then the schema change under the target's
     * lock, then the target's data tests, and the way back when they fail ({@code onFailure}).
     *
     * @param request what to promote where
     * @return the gates, what was applied and the verification
     * @throws OperationRefusedException when a gate refuses; nothing was changed
     * @throws PromotionFailedException  when the post-deploy data tests failed
     */
    public PromoteResult promote(final PromoteRequest request) {
        return releases.promote(request);
    }

    /**
     * Rolls an environment back to the release it ran before, or to a named one, and verifies it with the data
     * tests.
     *
     * @param request the environment, and optionally the release to go back to
     * @return what was rolled back
     * @throws OperationRefusedException before touching anything when a changeset in the way has no rollback
     */
    public RollbackResult rollback(final RollbackRequest request) {
        return releases.rollback(request);
    }

    /**
     * Reads what happened to an environment from its own database.
     *
     * @param request the environment
     * @return its release history and applied changesets
     */
    public HistoryResult history(final HistoryRequest request) {
        return migrations.history(request);
    }

    /**
     * Writes the governance report of the session's ledger: the standalone HTML page (timeline, filterable
     * table, evidence, integrity banner), or CSV or JSON of the filtered records. Records are streamed.
     *
     * @param request the format, which records, and where to write (the caller closes it)
     * @return the format and the ledger's integrity
     * @throws IOException when writing fails
     */
    public WriteReportResult writeReport(final WriteReportRequest request) throws IOException {
        return ledgerReports.writeReport(request);
    }

    /**
     * Verifies the session's ledger.
     *
     * @param request which records (all)
     * @return intact, or the first broken record
     */
    public VerifyLedgerResult verifyLedger(final VerifyLedgerRequest request) {
        return ledgerReports.verifyLedger(request);
    }

    /**
     * Computes the delivery metrics of the session's ledger per product and environment: deployment frequency,
     * lead time along the promotion path, change failure rate, time to restore and the data-test pass rate, from
     * outcome records only (intents skipped) and trusted records only (those from the chain's first broken record
     * on are excluded and counted). Changes and records nothing. See
     * {@link io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetricsCalculator} for the definitions.
     *
     * @param request which environments, and from when
     * @return the metrics and the ledger's integrity
     */
    public MetricsResult metrics(final MetricsRequest request) {
        return ledgerReports.metrics(request);
    }

    /**
     * Returns where an environment's database is and the login the engine uses there (a query, not an
     * operation: it changes and records nothing).
     *
     * @param environment a declared or ephemeral environment
     * @return the database target
     * @throws OperationRefusedException when the environment is not provisioned (embedded provider)
     */
    public DatabaseTarget target(final String environment) {
        return provisioning.target(environment);
    }
}
