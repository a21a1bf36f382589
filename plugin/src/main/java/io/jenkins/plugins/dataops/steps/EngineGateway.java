package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.DataTestOutcome;
import io.jenkins.plugins.dataops.engine.EphemeralEnvironment;
import io.jenkins.plugins.dataops.engine.MigrateOptions;
import io.jenkins.plugins.dataops.engine.MigrateOutcome;
import io.jenkins.plugins.dataops.engine.PromoteOptions;
import io.jenkins.plugins.dataops.engine.PromotionResult;
import io.jenkins.plugins.dataops.engine.RollbackResult;
import io.jenkins.plugins.dataops.engine.TestOptions;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import io.jenkins.plugins.dataops.engine.quality.JunitXmlWriter;
import io.jenkins.plugins.dataops.engine.spec.DurationParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The only place the steps call the engine facade ({@link DataOps}), on the agent: one method per step,
 * turning its parameters into the engine's request and the engine's result into the plain map the script
 * receives. Kept in one class so that a change of the facade touches one file of the plugin.
 */
final class EngineGateway {
    private EngineGateway() {}

    static LinkedHashMap<String, Object> provision(final DataOps dataOps, final String env, final boolean planOnly) {
        ProvisioningPlan plan = planOnly ? dataOps.plan(env) : dataOps.provision(env);
        LinkedHashMap<String, Object> value = planValue(plan);
        value.put("applied", !planOnly);
        return value;
    }

    static LinkedHashMap<String, Object> createEphemeral(
            final DataOps dataOps, final String env, @CheckForNull final String ttl) {
        EphemeralEnvironment created =
                dataOps.createEphemeral(env, ttl == null || ttl.isBlank() ? null : DurationParser.parse(ttl));
        LinkedHashMap<String, Object> value = planValue(created.plan());
        value.put("applied", true);
        value.put("ephemeral", true);
        value.put("expiresAt", created.expiresAt().toString());
        return value;
    }

    static LinkedHashMap<String, Object> destroyEphemeral(final DataOps dataOps, final String env) {
        LinkedHashMap<String, Object> value = planValue(dataOps.destroy(env));
        value.put("destroyed", true);
        return value;
    }

    static LinkedHashMap<String, Object> migrate(
            final DataOps dataOps,
            final String env,
            @CheckForNull final String tag,
            final boolean allowNoRollback,
            final boolean allowDestructive,
            final boolean dryRun) {
        MigrateOutcome outcome =
                dataOps.migrate(new MigrateOptions(env, tag, dryRun, allowNoRollback, allowDestructive));
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

    static LinkedHashMap<String, Object> test(
            final DataOps dataOps,
            final String env,
            final Path workspace,
            final String junitReport,
            final boolean failOnWarnings)
            throws IOException {
        Path report = workspace.resolve(junitReport).normalize();
        if (!report.startsWith(workspace.normalize())) {
            throw new InvalidInputException("junitReport '%s' must stay inside the workspace.".formatted(junitReport));
        }
        // The engine records the run as passed or failed under this policy, and promotion gates read that record,
        // so it must be the step's own: failOn 'warning' fails on warnings here and in the record.
        TestOptions defaults = TestOptions.of(env);
        DataTestOutcome outcome = dataOps.test(new TestOptions(
                env, defaults.suite(), failOnWarnings ? FailOn.WARN : FailOn.ERROR, defaults.sampleSize()));
        Files.createDirectories(report.getParent());
        try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            JunitXmlWriter.write(outcome.report(), out);
        }
        DataTestReport results = outcome.report();
        LinkedHashMap<String, Object> value = new LinkedHashMap<>();
        value.put("environment", env);
        value.put("release", outcome.release());
        value.put("fingerprint", outcome.fingerprint());
        value.put("total", results.results().size());
        value.put("passed", results.count(CheckStatus.PASS));
        value.put("warnings", results.count(CheckStatus.WARN));
        value.put("errors", results.breaches(FailOn.ERROR).size());
        value.put("scanQueries", results.scanQueries());
        value.put("summary", results.summary());
        value.put("report", junitReport);
        return value;
    }

    static LinkedHashMap<String, Object> promote(
            final DataOps dataOps,
            final String release,
            final String from,
            final String to,
            @CheckForNull final String approver) {
        PromotionResult result = dataOps.promote(new PromoteOptions(release, from, to, approver, false, ""));
        LinkedHashMap<String, Object> value = new LinkedHashMap<>();
        value.put("release", result.release());
        value.put("from", result.from());
        value.put("to", result.to());
        value.put("fingerprint", result.fingerprint());
        value.put("changeSets", result.applied().changeSets().size());
        value.put("verification", result.verification().summary());
        value.put("approver", approver == null ? "" : approver);
        return value;
    }

    static LinkedHashMap<String, Object> rollback(
            final DataOps dataOps, final String env, @CheckForNull final String release) {
        RollbackResult result = dataOps.rollback(env, release == null || release.isBlank() ? null : release);
        LinkedHashMap<String, Object> value = new LinkedHashMap<>();
        value.put("environment", result.environment());
        value.put("previousRelease", result.fromRelease());
        value.put("release", result.toRelease());
        value.put("changeSets", result.rolledBack().changeSets().size());
        value.put("verification", result.verification().summary());
        return value;
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
}
