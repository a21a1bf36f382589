package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Evidence;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.provision.EphemeralRegistry;
import io.jenkins.plugins.dataops.engine.provision.Provisioner;
import io.jenkins.plugins.dataops.engine.provision.ProvisionerRegistry;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    /** The one place that finds an environment's provider. */
    private Provisioner provisioner(final ProvisioningContext context) {
        return provisioners.get(context.environment().provider());
    }

    PlanResult plan(final PlanRequest request) {
        ProvisioningContext context = environments.context(request.environment());
        return new PlanResult(provisioner(context).plan(context));
    }

    PlanResult planEphemeral(final CreateEphemeralRequest request) {
        ProvisioningContext context =
                environments.newEphemeral(request.name(), request.ttl().orElse(null));
        return new PlanResult(provisioner(context).plan(context));
    }

    DatabaseTarget target(final String environment) {
        ProvisioningContext context = environments.context(environment);
        // The product's own tables go where the spec says (stateSchema), whatever the provider.
        return provisioner(context)
                .target(context)
                .withStateSchema(context.spec().migration().stateSchema());
    }

    ProvisionResult provision(final ProvisionRequest request) {
        String environment = request.environment();
        ProvisioningContext context = environments.context(environment);
        return new ProvisionResult(provision(context, environment));
    }

    private ProvisioningPlan provision(final ProvisioningContext context, final String environment) {
        return recorder.record(
                Action.PROVISION,
                environment,
                "",
                () -> {
                    ProvisioningPlan plan = provisioner(context).apply(context);
                    session.progress().info(plan.render());
                    return plan;
                },
                plan -> Evidence.of().withPlan(plan));
    }

    DestroyResult destroy(final DestroyRequest request) {
        return new DestroyResult(destroy(request.environment()));
    }

    private ProvisioningPlan destroy(final String environment) {
        ProvisioningContext context = environments.context(environment);
        boolean ephemeral = environments.isEphemeral(environment);
        return recorder.record(
                ephemeral ? Action.EPHEMERAL_DESTROY : Action.DESTROY,
                environment,
                "",
                () -> {
                    ProvisioningPlan plan = provisioner(context).destroy(context);
                    session.progress().info(plan.render());
                    if (ephemeral) {
                        environments.ephemeral().remove(environment);
                    }
                    return plan;
                },
                plan -> Evidence.of().withPlan(plan));
    }

    CreateEphemeralResult createEphemeral(final CreateEphemeralRequest request) {
        String name = request.name();
        ProvisioningContext context =
                environments.newEphemeral(name, request.ttl().orElse(null));
        Instant expiresAt = context.expiry().orElseThrow();
        return recorder.record(
                Action.EPHEMERAL_CREATE,
                name,
                "",
                () -> {
                    environments
                            .ephemeral()
                            .save(new EphemeralRegistry.Entry(name, session.actor(), session.buildRef(), expiresAt));
                    ProvisioningPlan plan = provisioner(context).apply(context);
                    session.progress().info(plan.render());
                    session.progress().info("Ephemeral environment '%s' expires at %s.".formatted(name, expiresAt));
                    return new CreateEphemeralResult(name, expiresAt, plan);
                },
                e -> Evidence.of().withPlan(e.plan()).with(EvidenceKeys.EXPIRES_AT, expiresAt.toString()));
    }

    GcResult gc(final GcRequest request) {
        Instant now = session.clock().instant();
        List<String> destroyed = new ArrayList<>();
        for (EphemeralRegistry.Entry entry : ephemeralEnvironments()) {
            if (entry.expiresAt().isBefore(now)) {
                session.progress()
                        .info("Ephemeral environment '%s' of %s expired at %s: destroying it."
                                .formatted(entry.name(), entry.owner(), entry.expiresAt()));
                destroy(entry.name());
                destroyed.add(entry.name());
            }
        }
        session.progress().info("gc: %d expired ephemeral environment(s) destroyed.".formatted(destroyed.size()));
        return new GcResult(destroyed);
    }

    /**
     * The registry's environments and those the provider finds where they live; one the registry lost (a new
     * workspace, a fresh cloud agent) is registered again from its mark, so that destroy can resolve it.
     */
    private List<EphemeralRegistry.Entry> ephemeralEnvironments() {
        Map<String, EphemeralRegistry.Entry> entries = new TreeMap<>();
        environments.ephemeral().list().forEach(entry -> entries.put(entry.name(), entry));
        Optional<ProvisioningContext> template = environments.ephemeralTemplate();
        if (template.isPresent()) {
            for (EphemeralRegistry.Entry found : provisioner(template.get()).findEphemeral(template.get())) {
                if (!entries.containsKey(found.name())) {
                    session.progress()
                            .info("Ephemeral environment '%s' is not in this workspace's registry; found by its mark."
                                    .formatted(found.name()));
                    environments.ephemeral().save(found);
                    entries.put(found.name(), found);
                }
            }
        }
        return List.copyOf(entries.values());
    }
}
