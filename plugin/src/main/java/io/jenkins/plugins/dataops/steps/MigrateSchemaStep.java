package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import java.io.File;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code migrateSchema env: 'qat', tag: '1.4.7'}: applies the changelog to an environment up to a tag, after
 * the engine's rollback-readiness and destructive-change checks. Returns {@code environment, release,
 * previousRelease, changeSets, fingerprint, dryRun}.
 */
public class MigrateSchemaStep extends DataOpsStep {
    private final String env;

    @CheckForNull
    private String tag;

    private boolean allowNoRollback;
    private boolean allowDestructive;
    private boolean dryRun;
    private boolean allowBrokenChecks;

    /**
     * Creates the step.
     *
     * @param env the environment
     * @throws Descriptor.FormException when {@code env} is blank
     */
    @DataBoundConstructor
    public MigrateSchemaStep(final String env) throws Descriptor.FormException {
        this.env = required(env, "env");
    }

    public String getEnv() {
        return env;
    }

    @CheckForNull
    public String getTag() {
        return tag;
    }

    @DataBoundSetter
    public void setTag(@CheckForNull final String tag) {
        this.tag = Util.fixEmptyAndTrim(tag);
    }

    public boolean isAllowNoRollback() {
        return allowNoRollback;
    }

    @DataBoundSetter
    public void setAllowNoRollback(final boolean allowNoRollback) {
        this.allowNoRollback = allowNoRollback;
    }

    public boolean isAllowDestructive() {
        return allowDestructive;
    }

    @DataBoundSetter
    public void setAllowDestructive(final boolean allowDestructive) {
        this.allowDestructive = allowDestructive;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(final boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isAllowBrokenChecks() {
        return allowBrokenChecks;
    }

    /**
     * Applies changes that break data-test checks the release does not update (recorded).
     *
     * @param allowBrokenChecks true to allow them
     */
    @DataBoundSetter
    public void setAllowBrokenChecks(final boolean allowBrokenChecks) {
        this.allowBrokenChecks = allowBrokenChecks;
    }

    @Override
    public StepExecution start(final StepContext context) {
        Task task = new Task(MigrateRequest.of(env)
                .withTag(tag)
                .withDryRun(dryRun)
                .withAllowNoRollback(allowNoRollback)
                .withAllowDestructive(allowDestructive)
                .withAllowBrokenChecks(allowBrokenChecks));
        return new Execution(context, getSpec(), task);
    }

    /** Lets an apply in flight finish on abort and collects its records after a restart. */
    private static final class Execution extends RecordedStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        Execution(final StepContext context, @CheckForNull final String spec, final Task task) {
            super(context, spec, task, "migrateSchema");
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final MigrateRequest request;

        Task(final MigrateRequest request) {
            this.request = request;
        }

        @Override
        public List<String> environments() {
            return List.of(request.environment());
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            return EngineGateway.migrate(dataOps, request);
        }
    }

    /** Registers {@code migrateSchema}. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "migrateSchema";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: migrate the schema of an environment";
        }
    }
}
