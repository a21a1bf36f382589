package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.provision.EphemeralRegistry;
import io.jenkins.plugins.dataops.engine.provision.ProvisionerRegistry;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Infrastructure as code for {@link DataOps}: provisioning and destroying declared and ephemeral environments
 * through their providers, each recorded in the ledger with its plan as evidence.
 */
final class Provisioning {
    private final Session session;
    private final ProvisionerRegistry provisioners;
    private final Recorder recorder;
    private final Environments environments;

    Provisioning(
            final Session session,
            final ProvisionerRegistry provisioners,
            final Recorder recorder,
            final Environments environments) {
        this.session = session;
        this.provisioners = provisioners;
        this.recorder = recorder;
        this.environments = environments;
    }

    ProvisioningPlan provision(final String environment) {
        ProvisioningContext context = environments.context(environment);
        return recorder.record(
                Action.PROVISION,
                environment,
                "",
                () -> {
                    ProvisioningPlan plan =
                            provisioners.get(context.environment().provider()).apply(context);
                    session.progress().info(plan.render());
                    return plan;
                },
                plan -> Evidence.of().withPlan(plan));
    }

    ProvisioningPlan destroy(final String environment) {
        ProvisioningContext context = environments.context(environment);
        boolean ephemeral = environments.isEphemeral(environment);
        return recorder.record(
                ephemeral ? Action.EPHEMERAL_DESTROY : Action.DESTROY,
                environment,
                "",
                () -> {
                    ProvisioningPlan plan =
                            provisioners.get(context.environment().provider()).destroy(context);
                    session.progress().info(plan.render());
                    if (ephemeral) {
                        environments.ephemeral().remove(environment);
                    }
                    return plan;
                },
                plan -> Evidence.of().withPlan(plan));
    }

    EphemeralEnvironment createEphemeral(final String name, final Duration ttl) {
        ProvisioningContext context = environments.newEphemeral(name, ttl);
        Instant expiresAt = context.expiry().orElseThrow();
        return recorder.record(
                Action.EPHEMERAL_CREATE,
                name,
                "",
                () -> {
                    environments
                            .ephemeral()
                            .save(new EphemeralRegistry.Entry(name, session.actor(), session.buildRef(), expiresAt));
                    ProvisioningPlan plan =
                            provisioners.get(context.environment().provider()).apply(context);
                    session.progress().info(plan.render());
                    session.progress().info("Ephemeral environment '%s' expires at %s.".formatted(name, expiresAt));
                    return new EphemeralEnvironment(name, expiresAt, plan);
                },
                e -> Evidence.of().withPlan(e.plan()).with(EvidenceKeys.EXPIRES_AT, expiresAt.toString()));
    }

    List<String> gc() {
        Instant now = session.clock().instant();
        List<String> destroyed = new ArrayList<>();
        for (EphemeralRegistry.Entry entry : environments.ephemeral().list()) {
            if (entry.expiresAt().isBefore(now)) {
                session.progress()
                        .info("Ephemeral environment '%s' of %s expired at %s: destroying it."
                                .formatted(entry.name(), entry.owner(), entry.expiresAt()));
                destroy(entry.name());
                destroyed.add(entry.name());
            }
        }
        session.progress().info("gc: %d expired ephemeral environment(s) destroyed.".formatted(destroyed.size()));
        return destroyed;
    }
}
