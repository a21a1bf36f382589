package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.migrate.liquibase.LiquibaseSchemaMigrator;
import io.jenkins.plugins.dataops.engine.provision.ProvisionerRegistry;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.release.Fingerprints;
import io.jenkins.plugins.dataops.engine.release.ReleaseHistory;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;

import java.nio.file.Path;
import java.time.Clock;

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

    /**
     * Creates the facade with the built-in providers and Liquibase.
     *
     * @param spec    the validated spec
     * @param session who acts and where the engine reports
     */
    public DataOps(final DataProductSpec spec, final Session session) {
        this(spec, session, ProvisionerRegistry.defaults(), new LiquibaseSchemaMigrator());
    }

    /**
     * Creates the facade with the given parts (tests, other providers).
     *
     * @param spec         the validated spec
     * @param session      who acts and where the engine reports
     * @param provisioners the providers
     * @param migrator     the schema migrator
     */
    public DataOps(final DataProductSpec spec, final Session session, final ProvisionerRegistry provisioners,
            final SchemaMigrator migrator) {
        this.spec = spec;
        this.session = session;
        this.provisioners = provisioners;
        this.migrator = migrator;
        this.recorder = new Recorder(spec, session);
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
        ProvisioningContext context = context(environment);
        return recorder.record("provision", environment, "", () -> {
            ProvisioningPlan plan = provisioners.get(context.environment().provider()).apply(context);
            session.progress().info(plan.render());
            return plan;
        }, plan -> Evidence.of().withPlan(plan));
    }

    /**
     * Removes what the product owns in an environment.
     *
     * @param environment the environment
     * @return what was removed
     */
    public ProvisioningPlan destroy(final String environment) {
        ProvisioningContext context = context(environment);
        return recorder.record("destroy", environment, "", () -> {
            ProvisioningPlan plan = provisioners.get(context.environment().provider()).destroy(context);
            session.progress().info(plan.render());
            return plan;
        }, plan -> Evidence.of().withPlan(plan));
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
        MigrationRequest request = request(options.environment(), options.tag(),
                options.allowNoRollback() || spec.policy().allowNoRollback(),
                options.allowDestructive() || spec.policy().allowDestructive());
        if (options.dryRun()) {
            return new MigrateOutcome(options.environment(), nullToEmpty(options.tag()), fingerprint, null,
                    migrator.updateSql(request));
        }
        String release = nullToEmpty(options.tag());
        MigrationResult result = recorder.recordWithHistory("migrate", request.target(), release, fingerprint,
                () -> migrator.update(request), r -> Evidence.of().withMigration(r)
                        .with("allowNoRollback", request.allowNoRollback())
                        .with("allowDestructive", request.allowDestructive()));
        return new MigrateOutcome(options.environment(), result.tagAfter(), fingerprint, result, "");
    }

    /**
     * Reads what happened to an environment from its own database.
     *
     * @param environment the environment
     * @return its release history and applied changesets
     */
    public EnvironmentHistory history(final String environment) {
        MigrationRequest request = request(environment, null, false, false);
        return new EnvironmentHistory(environment, new ReleaseHistory(request.target()).list(spec.product()),
                migrator.history(request));
    }

    /**
     * Verifies the session's ledger.
     *
     * @return intact, or the first broken record
     */
    public LedgerVerification verifyLedger() {
        return session.ledger().verify();
    }

    private MigrationRequest request(final String environment, final String tag, final boolean allowNoRollback,
            final boolean allowDestructive) {
        return new MigrationRequest(target(environment), spec.changelog(), tag, allowNoRollback, allowDestructive,
                session.progress());
    }

    private DatabaseTarget target(final String environment) {
        ProvisioningContext context = context(environment);
        return provisioners.get(context.environment().provider()).target(context);
    }

    private ProvisioningContext context(final String environment) {
        EnvironmentSpec env = spec.environment(environment);
        return new ProvisioningContext(spec, env, session.credentials(), session.progress(), session.actor(),
                session.buildRef(), null);
    }

    private static String nullToEmpty(final String text) {
        return text == null ? "" : text;
    }
}
