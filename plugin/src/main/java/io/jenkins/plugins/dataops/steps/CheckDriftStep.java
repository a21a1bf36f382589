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
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code checkDrift env: 'prod'}: compares an environment's live schema with the schema its changelog produces
 * up to the release it runs, and the changesets it applied with the changelog. Changes nothing in the
 * environment. A drift fails the step ({@code failOn: 'drift'}, the default) or marks the stage UNSTABLE
 * ({@code failOn: 'never'}). Returns {@code environment, release, drifted, summary, findings}.
 */
public class CheckDriftStep extends DataOpsStep {
    /** When the step fails the build: on drift (default), or never (then a drift marks the stage UNSTABLE). */
    static final List<String> FAIL_ON = List.of("drift", "never");

    private final String env;
    private String failOn = FAIL_ON.get(0);

    /**
     * Creates the step.
     *
     * @param env the environment
     * @throws Descriptor.FormException when {@code env} is blank
     */
    @DataBoundConstructor
    public CheckDriftStep(final String env) throws Descriptor.FormException {
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
     * @param failOn {@code drift} or {@code never}
     * @throws Descriptor.FormException for any other value
     */
    @DataBoundSetter
    public void setFailOn(@CheckForNull final String failOn) throws Descriptor.FormException {
        String value = Util.fixEmptyAndTrim(failOn);
        value = value == null ? FAIL_ON.get(0) : value.toLowerCase(Locale.ROOT);
        if (!FAIL_ON.contains(value)) {
            throw new Descriptor.FormException(
                    "failOn '%s' is unknown; use one of %s.".formatted(failOn, FAIL_ON), "failOn");
        }
        this.failOn = value;
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, getSpec(), new Task(env), failOn);
    }

    /** Interrupted by an abort (it changes nothing in the environment); collects its records after a restart. */
    private static final class Execution extends RecordedStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String failOn;

        Execution(final StepContext context, @CheckForNull final String spec, final Task task, final String failOn) {
            super(context, spec, task, "checkDrift");
            this.failOn = failOn;
        }

        @Override
        protected boolean changesEnvironment() {
            return false;
        }

        @Override
        protected Map<String, Object> afterCall(final Map<String, Object> result) throws Exception {
            if (!Boolean.TRUE.equals(result.get("drifted"))) {
                return result;
            }
            String summary = String.valueOf(result.get("summary"));
            if ("drift".equals(failOn)) {
                throw new AbortException(ConsoleProgress.PREFIX + summary + " (failOn: 'drift').");
            }
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(summary));
            }
            getContext().setResult(Result.UNSTABLE);
            TaskListener listener = getContext().get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(ConsoleProgress.PREFIX + summary + ". Marking the stage UNSTABLE.");
            }
            return result;
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String env;

        Task(final String env) {
            this.env = env;
        }

        @Override
        public List<String> environments() {
            return List.of(env);
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) throws IOException {
            return EngineGateway.drift(dataOps, env);
        }
    }

    /** Registers {@code checkDrift}. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "checkDrift";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: check an environment's schema for drift from its changelog";
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
