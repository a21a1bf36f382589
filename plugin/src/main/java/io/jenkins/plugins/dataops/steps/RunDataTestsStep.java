package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.policy.FailOnPolicy;
import io.jenkins.plugins.dataops.engine.quality.DataTestOptions;
import io.jenkins.plugins.dataops.engine.quality.FailOn;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code runDataTests env: 'qat'}: runs the spec's data quality checks in an environment, writes JUnit XML
 * into the workspace (for the {@code junit} step), marks the stage UNSTABLE on warnings and fails on errors
 * (see {@code failOn}). Incremental suites check only the rows changed since their last passing run unless
 * {@code full: true}. Returns {@code environment, total, passed, warnings, errors, report}.
 */
public class RunDataTestsStep extends DataOpsStep {
    /** When the step fails the build: on errors (default), on warnings too, or never. */
    static final List<String> FAIL_ON = FailOnPolicy.keywords();

    private final String env;
    private String failOn = FAIL_ON.get(0);

    @CheckForNull
    private String junitReport;

    /** How many queries run at once; 0 keeps the target's default. */
    private int threads;

    /** Whether incremental suites check every row this time. */
    private boolean full; // @since 1.1

    /**
     * Creates the step.
     *
     * @param env the environment
     * @throws Descriptor.FormException when {@code env} is blank
     */
    @DataBoundConstructor
    public RunDataTestsStep(final String env) throws Descriptor.FormException {
        this.env = required(env, "env");
    }

    public String getEnv() {
        return env;
    }

    public String getFailOn() {
        return failOn;
    }

    /**
     * Sets when the step fails.
     *
     * @param failOn {@code error}, {@code warning} or {@code never}
     * @throws Descriptor.FormException for any other value
     */
    @DataBoundSetter
    public void setFailOn(@CheckForNull final String failOn) throws Descriptor.FormException {
        try {
            this.failOn = FailOnPolicy.parse(failOn).keyword();
        } catch (InvalidInputException e) {
            throw new Descriptor.FormException(e.getMessage(), "failOn");
        }
    }

    @CheckForNull
    public String getJunitReport() {
        return junitReport;
    }

    @DataBoundSetter
    public void setJunitReport(@CheckForNull final String junitReport) {
        this.junitReport = Util.fixEmptyAndTrim(junitReport);
    }

    public int getThreads() {
        return threads;
    }

    /**
     * Sets how many queries of the run go to the database at once, each on its own connection.
     *
     * @param threads 1 to 32; 0 for the target's default (1 on H2, 4 on a database server)
     * @throws Descriptor.FormException for a value out of that range
     */
    @DataBoundSetter
    public void setThreads(final int threads) throws Descriptor.FormException {
        try {
            this.threads = DataTestOptions.requireThreads(threads);
        } catch (IllegalArgumentException e) {
            throw new Descriptor.FormException(e.getMessage(), "threads");
        }
    }

    public boolean isFull() {
        return full;
    }

    /**
     * Makes incremental suites check every row this time, whatever their watermark.
     *
     * @param full true for a full run
     */
    @DataBoundSetter
    public void setFull(final boolean full) {
        this.full = full;
    }

    @Override
    public StepExecution start(final StepContext context) {
        String report = junitReport == null ? "dataops-reports/TEST-dataops-" + env + ".xml" : junitReport;
        FailOnPolicy policy = FailOnPolicy.parse(failOn);
        return new Execution(
                context, getSpec(), new Task(env, report, policy.engineFailOn() == FailOn.WARN, threads, full), failOn);
    }

    /** Interrupted by an abort (it changes nothing in the environment); collects its records after a restart. */
    private static final class Execution extends RecordedStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Task task;
        private final String failOn;

        Execution(final StepContext context, @CheckForNull final String spec, final Task task, final String failOn) {
            super(context, spec, task, "runDataTests");
            this.task = task;
            this.failOn = failOn;
        }

        @Override
        protected boolean changesEnvironment() {
            return false;
        }

        @Override
        protected Map<String, Object> afterCall(final Map<String, Object> result) throws Exception {
            long errors = ((Number) result.getOrDefault("errors", 0)).longValue();
            long warnings = ((Number) result.getOrDefault("warnings", 0)).longValue();
            String summary = "Data tests in '%s': %s passed, %d warning(s), %d error(s)."
                    .formatted(task.env, result.get("passed"), warnings, errors);
            FailOnPolicy.Verdict verdict = FailOnPolicy.parse(failOn).verdict(errors, warnings);
            if (verdict == FailOnPolicy.Verdict.FAILED) {
                throw new AbortException(ConsoleProgress.PREFIX + summary);
            }
            if (verdict == FailOnPolicy.Verdict.UNSTABLE) {
                markUnstable(summary);
            }
            return result;
        }

        private void markUnstable(final String summary) throws IOException, InterruptedException {
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(summary));
            }
            getContext().setResult(Result.UNSTABLE);
            TaskListener listener = getContext().get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(ConsoleProgress.PREFIX + summary + " Marking the stage UNSTABLE.");
            }
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String env;
        private final String report;
        private final boolean failOnWarnings;
        private final int threads;
        private final boolean full;

        Task(
                final String env,
                final String report,
                final boolean failOnWarnings,
                final int threads,
                final boolean full) {
            this.env = env;
            this.report = report;
            this.failOnWarnings = failOnWarnings;
            this.threads = threads;
            this.full = full;
        }

        @Override
        public List<String> environments() {
            return List.of(env);
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) throws IOException {
            return EngineGateway.test(dataOps, env, workspace.toPath(), report, failOnWarnings, threads, full);
        }
    }

    /** Registers {@code runDataTests}. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "runDataTests";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: run the data quality checks of an environment";
        }

        /**
         * Fills the {@code failOn} drop-down.
         *
         * @return the choices
         */
        public ListBoxModel doFillFailOnItems() {
            ListBoxModel model = new ListBoxModel();
            FAIL_ON.forEach(model::add);
            return model;
        }
    }
}
