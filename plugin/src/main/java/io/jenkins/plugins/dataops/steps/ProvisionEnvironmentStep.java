package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import io.jenkins.plugins.dataops.engine.DataOps;
import java.io.File;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code provisionEnvironment env: 'qat'} creates or updates what the spec declares for an environment (or
 * only plans it, {@code planOnly: true}). {@code provisionEnvironment(env: 'pr-42', ephemeral: true) { ... }}
 * creates a throw-away environment from the spec's {@code ephemeral} template, runs the body with
 * {@code DATAOPS_ENV} set, and destroys it afterwards, also when the body fails or the build is aborted (see
 * {@link ProvisionExecution} for aborts and restarts). {@code planOnly: true} only plans, also for an
 * ephemeral environment. The plain form returns
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
        return new ProvisionExecution(context, getSpec(), new Task(env, ephemeral, ttl, planOnly, false));
    }

    /** The engine call of the step: provision, plan, create or destroy an ephemeral environment. */
    static final class Task extends EngineTask {
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

        String env() {
            return env;
        }

        boolean isEphemeral() {
            return ephemeral;
        }

        boolean isPlanOnly() {
            return planOnly;
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
            if (destroy) {
                return EngineGateway.destroyEphemeral(dataOps, env);
            }
            return planOnly
                    ? EngineGateway.planEphemeral(dataOps, env, ttl)
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
