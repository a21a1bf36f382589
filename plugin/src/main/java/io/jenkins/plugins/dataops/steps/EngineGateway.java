package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dataops.engine.CreateEphemeralRequest;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.DestroyRequest;
import io.jenkins.plugins.dataops.engine.DriftRequest;
import io.jenkins.plugins.dataops.engine.GcRequest;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.PlanRequest;
import io.jenkins.plugins.dataops.engine.PromoteRequest;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.RollbackRequest;
import io.jenkins.plugins.dataops.engine.TestRequest;
import io.jenkins.plugins.dataops.engine.TestResult;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.policy.FailOnPolicy;
import io.jenkins.plugins.dataops.engine.quality.JunitXmlWriter;
import io.jenkins.plugins.dataops.engine.spec.DurationParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The only place the steps call the engine facade ({@link DataOps}), on the agent: one method per step,
 * turning its parameters into the engine's request and returning the result's {@code toMap()} (the same keys
 * as the command line's {@code --json}) as the plain map the script receives. Kept in one class so that a change
 * of the facade touches one file of the plugin.
 */
final class EngineGateway {
    private EngineGateway() {}

    static LinkedHashMap<String, Object> provision(final DataOps dataOps, final String env, final boolean planOnly) {
        return planOnly
                ? dataOps.plan(PlanRequest.of(env)).toMap()
                : dataOps.provision(ProvisionRequest.of(env)).toMap();
    }

    static LinkedHashMap<String, Object> createEphemeral(
            final DataOps dataOps, final String env, @CheckForNull final String ttl) {
        return dataOps.createEphemeral(CreateEphemeralRequest.of(env).withTtl(ttl(ttl)))
                .toMap();
    }

    @CheckForNull
    private static java.time.Duration ttl(@CheckForNull final String ttl) {
        return ttl == null || ttl.isBlank() ? null : DurationParser.parse(ttl);
    }

    static LinkedHashMap<String, Object> planEphemeral(
            final DataOps dataOps, final String env, @CheckForNull final String ttl) {
        return dataOps.planEphemeral(CreateEphemeralRequest.of(env).withTtl(ttl(ttl)))
                .toMap();
    }

    static LinkedHashMap<String, Object> destroyEphemeral(final DataOps dataOps, final String env) {
        return dataOps.destroy(DestroyRequest.of(env)).toMap();
    }

    static LinkedHashMap<String, Object> migrate(final DataOps dataOps, final MigrateRequest request) {
        return dataOps.migrate(request).toMap();
    }

    static LinkedHashMap<String, Object> test(
            final DataOps dataOps,
            final String env,
            final Path workspace,
            final String junitReport,
            final boolean failOnWarnings,
            final int threads,
            final boolean full)
            throws IOException {
        Path report = workspace.resolve(junitReport).normalize();
        if (!report.startsWith(workspace.normalize())) {
            throw new InvalidInputException("junitReport '%s' must stay inside the workspace.".formatted(junitReport));
        }
        // The engine records the run as passed or failed under this policy, and promotion gates read that record,
        // so it must be the step's own: failOn 'warning' fails on warnings here and in the record.
        FailOnPolicy policy = failOnWarnings ? FailOnPolicy.WARNING : FailOnPolicy.ERROR;
        TestResult outcome = dataOps.test(TestRequest.of(env)
                .withFailOn(policy.engineFailOn())
                .withThreads(threads)
                .withFull(full));
        JunitXmlWriter.write(outcome.report(), report);
        LinkedHashMap<String, Object> value = outcome.toMap();
        value.put("report", junitReport);
        return value;
    }

    static LinkedHashMap<String, Object> promote(final DataOps dataOps, final PromoteRequest request) {
        return dataOps.promote(request).toMap();
    }

    static LinkedHashMap<String, Object> drift(final DataOps dataOps, final String env) {
        return dataOps.drift(DriftRequest.of(env)).toMap();
    }

    static LinkedHashMap<String, Object> gc(final DataOps dataOps) {
        return dataOps.gc(GcRequest.expired()).toMap();
    }

    static LinkedHashMap<String, Object> rollback(
            final DataOps dataOps, final String env, @CheckForNull final String release) {
        return dataOps.rollback(RollbackRequest.of(env).withToRelease(release)).toMap();
    }
}
