package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.DataOpsException;
import io.jenkins.plugins.dataops.engine.MigrateOptions;
import io.jenkins.plugins.dataops.engine.MigrateOutcome;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The only place the steps call the engine facade ({@link DataOps}), on the agent: one method per step,
 * turning its parameters into the engine's request and the engine's result into the plain map the script
 * receives. Kept in one class so that a change of the facade touches one file of the plugin.
 */
final class EngineGateway {
    private EngineGateway() {
    }

    static LinkedHashMap<String, Object> provision(final DataOps dataOps, final String env, final boolean planOnly) {
        ProvisioningPlan plan = planOnly ? dataOps.plan(env) : dataOps.provision(env);
        LinkedHashMap<String, Object> value = planValue(plan);
        value.put("applied", !planOnly);
        return value;
    }

    static LinkedHashMap<String, Object> createEphemeral(final DataOps dataOps, final String env,
            @CheckForNull final String ttl) {
        throw notYet("createEphemeral", env);
    }

    static LinkedHashMap<String, Object> destroyEphemeral(final DataOps dataOps, final String env) {
        throw notYet("destroyEphemeral", env);
    }

    static LinkedHashMap<String, Object> migrate(final DataOps dataOps, final String env, @CheckForNull final String tag,
            final boolean allowNoRollback, final boolean allowDestructive, final boolean dryRun) {
        MigrateOutcome outcome = dataOps.migrate(new MigrateOptions(env, tag, dryRun, allowNoRollback,
                allowDestructive));
        LinkedHashMap<String, Object> value = new LinkedHashMap<>();
        value.put("environment", outcome.environment());
        value.put("release", outcome.release());
        value.put("previousRelease", outcome.applied().map(r -> r.tagBefore()).orElse(""));
        value.put("fingerprint", outcome.fingerprint());
        value.put("changeSets", outcome.changeSetCount());
        value.put("dryRun", dryRun);
        value.put("sql", outcome.dryRunSql());
        return value;
    }

    static LinkedHashMap<String, Object> test(final DataOps dataOps, final String env, final Path workspace,
            final String junitReport) {
        throw notYet("test", env);
    }

    static LinkedHashMap<String, Object> promote(final DataOps dataOps, final String release, final String from,
            final String to, @CheckForNull final String approver) {
        throw notYet("promote", to);
    }

    static LinkedHashMap<String, Object> rollback(final DataOps dataOps, final String env,
            @CheckForNull final String release) {
        throw notYet("rollback", env);
    }

    private static LinkedHashMap<String, Object> planValue(final ProvisioningPlan plan) {
        LinkedHashMap<String, Object> value = new LinkedHashMap<>();
        value.put("environment", plan.environment());
        value.put("provider", plan.provider());
        value.put("created", plan.count(ChangeAction.CREATE));
        value.put("updated", plan.count(ChangeAction.UPDATE));
        value.put("unchanged", plan.count(ChangeAction.NO_OP));
        value.put("deleted", plan.count(ChangeAction.DELETE));
        value.put("summary", plan.summary());
        return value;
    }

    // The facade does not offer this operation yet; the step fails with one clear line until it does.
    private static DataOpsException notYet(final String operation, final String env) {
        return new DataOpsException(("The engine in this plugin version cannot '%s' yet (environment '%s'); "
                + "update the DataOps plugin.").formatted(operation, env));
    }
}
