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
 * {@code rollback env: 'prod'}: rolls an environment back to its previous release (or to {@code release}),
 * verified by the data checks. Returns {@code environment, release, previousRelease}.
 */
public class RollbackStep extends DataOpsStep {
    private final String env;

    @CheckForNull
    private String release;

    /**
     * Creates the step.
     *
     * @param env the environment
     * @throws Descriptor.FormException when {@code env} is blank
     */
    @DataBoundConstructor
    public RollbackStep(final String env) throws Descriptor.FormException {
        this.env = required(env, "env");
    }

    public String getEnv() {
        return env;
    }

    @CheckForNull
    public String getRelease() {
        return release;
    }

    /**
     * Sets the release to go back to; default: the one before the current.
     *
     * @param release the release tag
     */
    @DataBoundSetter
    public void setRelease(@CheckForNull final String release) {
        this.release = Util.fixEmptyAndTrim(release);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, getSpec(), new Task(env, release));
    }

    /** Lets an apply in flight finish on abort and collects its records after a restart. */
    private static final class Execution extends RecordedStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        Execution(final StepContext context, @CheckForNull final String spec, final Task task) {
            super(context, spec, task, "rollback");
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String env;

        @CheckForNull
        private final String release;

        Task(final String env, @CheckForNull final String release) {
            this.env = env;
            this.release = release;
        }

        @Override
        public List<String> environments() {
            return List.of(env);
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            return EngineGateway.rollback(dataOps, env, release);
        }
    }

    /** Registers {@code rollback}. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "rollback";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: roll an environment back to a previous release";
        }
    }
}
