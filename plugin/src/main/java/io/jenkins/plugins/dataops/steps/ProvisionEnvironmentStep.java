package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code provisionEnvironment env: 'qat'} creates or updates what the spec declares for an environment (or
 * only plans it, {@code planOnly: true}). {@code provisionEnvironment(env: 'pr-42', ephemeral: true) { ... }}
 * creates a throw-away environment from the spec's {@code ephemeral} template, runs the body with
 * {@code DATAOPS_ENV} set, and destroys it afterwards, also when the body fails or the build is aborted (see {@code Execution#onResume} for a controller restart). The plain form returns
 * {@code environment, provider, created, updated, unchanged, deleted, summary}; the block form returns the
 * body's value.
 */
public class ProvisionEnvironmentStep extends DataOpsStep {
    private final String env;
    private boolean ephemeral;

    @CheckForNull
    private String ttl;

    private boolean planOnly;

    /**
     * Creates the step.
     *
     * @param env the environment
     * @throws Descriptor.FormException when {@code env} is blank
     */
    @DataBoundConstructor
    public ProvisionEnvironmentStep(final String env) throws Descriptor.FormException {
        this.env = required(env, "env");
    }

    public String getEnv() {
        return env;
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    @DataBoundSetter
    public void setEphemeral(final boolean ephemeral) {
        this.ephemeral = ephemeral;
    }

    @CheckForNull
    public String getTtl() {
        return ttl;
    }

    /**
     * Sets how long an ephemeral environment may live before garbage collection (e.g. {@code 4h}).
     *
     * @param ttl the time to live; empty for the spec's template value
     */
    @DataBoundSetter
    public void setTtl(@CheckForNull final String ttl) {
        this.ttl = Util.fixEmptyAndTrim(ttl);
    }

    public boolean isPlanOnly() {
        return planOnly;
    }

    @DataBoundSetter
    public void setPlanOnly(final boolean planOnly) {
        this.planOnly = planOnly;
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, getSpec(), new Task(env, ephemeral, ttl, planOnly, false));
    }

    private static final class Execution extends GeneralNonBlockingStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        @CheckForNull
        private final String spec;

        private final Task create;
        /** Where the block form stands; saved with the program, so a restart knows what to clean up. */
        private volatile Phase phase = Phase.NONE;

        Execution(final StepContext context, @CheckForNull final String spec, final Task create) {
            super(context);
            this.spec = spec;
            this.create = create;
        }

        @Override
        public boolean start() throws Exception {
            if (getContext().hasBody()) {
                if (!create.ephemeral || create.planOnly) {
                    throw new AbortException(ConsoleProgress.PREFIX + "The block form of provisionEnvironment "
                            + "needs ephemeral: true (and no planOnly): it destroys the environment after the body.");
                }
                run(this::createAndRunBody);
            } else {
                run(() -> getContext().onSuccess(StepRunner.run(getContext(), spec, create)));
            }
            return false;
        }

        private void createAndRunBody() throws Exception {
            StepContext context = getContext();
            StepRunner.Target target = StepRunner.Target.of(context);
            enter(Phase.CREATING);
            try {
                StepRunner.run(target, spec, create);
            } catch (EngineFailureException e) {
                if (e.isRecorded()) {
                    destroyAfterFailure(target, e); // the engine started creating: it may have got half way
                }
                throw e;
            } catch (AbortException e) {
                throw e; // refused before the engine ran (spec, credentials rules): nothing was created
            } catch (Exception e) {
                destroyAfterFailure(target, e); // aborted build (interrupt) or lost agent in the middle
                throw e;
            }
            enter(Phase.BODY);
            EnvironmentExpander variables = EnvironmentExpander.constant(Map.of("DATAOPS_ENV", create.env));
            context.newBodyInvoker()
                    .withContext(EnvironmentExpander.merge(context.get(EnvironmentExpander.class), variables))
                    .withCallback(new Teardown())
                    .start();
        }

        /**
         * Destroys the environment after its creation failed or was interrupted. Runs with the build objects
         * resolved before, because an aborted step's context has already completed.
         */
        private void destroyAfterFailure(final StepRunner.Target target, final Exception failure) {
            boolean interrupted = Thread.interrupted(); // an aborted build interrupts this thread; destroy anyway
            enter(Phase.DESTROYING);
            try {
                StepRunner.run(target, spec, create.teardown());
                enter(Phase.DONE);
            } catch (Exception e) {
                failure.addSuppressed(e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * After a controller restart: a body in progress resumes and {@link Teardown} still runs after it; a
         * creation or teardown that was cut off cannot resume, so the environment is destroyed (again) and the
         * step fails with one line saying so.
         */
        @Override
        public void onResume() {
            if (phase == Phase.CREATING || phase == Phase.DESTROYING) {
                run(this::destroyAfterRestart);
            } else {
                super.onResume();
            }
        }

        private void destroyAfterRestart() {
            String message = "Jenkins restarted while ephemeral environment '%s' was being %s; "
                    .formatted(create.env, phase == Phase.CREATING ? "created" : "destroyed");
            try {
                enter(Phase.DESTROYING);
                StepRunner.run(getContext(), spec, create.teardown());
                enter(Phase.DONE);
                message += "it has been destroyed. Run the build again.";
            } catch (Exception e) {
                message += "destroying it failed (%s); it expires after its time to live.".formatted(e.getMessage());
            }
            getContext().onFailure(new AbortException(ConsoleProgress.PREFIX + message));
        }

        private void enter(final Phase next) {
            phase = next;
            getContext().saveState();
        }

        /** Destroys the ephemeral environment after the body, then passes the body's outcome on. */
        private final class Teardown extends TailCall {
            @Serial
            private static final long serialVersionUID = 1L;

            @Override
            protected void finished(final StepContext context) throws Exception {
                enter(Phase.DESTROYING);
                StepRunner.run(context, spec, create.teardown());
                enter(Phase.DONE);
            }
        }
    }

    /** The stages of the block form. */
    private enum Phase {
        NONE,
        CREATING,
        BODY,
        DESTROYING,
        DONE
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String env;
        private final boolean ephemeral;

        @CheckForNull
        private final String ttl;

        private final boolean planOnly;
        private final boolean destroy;

        Task(
                final String env,
                final boolean ephemeral,
                @CheckForNull final String ttl,
                final boolean planOnly,
                final boolean destroy) {
            this.env = env;
            this.ephemeral = ephemeral;
            this.ttl = ttl;
            this.planOnly = planOnly;
            this.destroy = destroy;
        }

        Task teardown() {
            return new Task(env, ephemeral, ttl, false, true);
        }

        @Override
        public List<String> environments() {
            return List.of(env);
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            if (!ephemeral) {
                return EngineGateway.provision(dataOps, env, planOnly);
            }
            return destroy
                    ? EngineGateway.destroyEphemeral(dataOps, env)
                    : EngineGateway.createEphemeral(dataOps, env, ttl);
        }
    }

    /** Registers {@code provisionEnvironment}, with or without a body. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "provisionEnvironment";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: provision an environment (block form: a throw-away environment)";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
