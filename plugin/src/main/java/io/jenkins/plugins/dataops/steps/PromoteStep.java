package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.model.Approvals;
import java.io.File;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code promote release: '1.4.7', from: 'qat', to: 'prod'}: moves a release one step along the promotion
 * path, gated by the engine (tests passed in {@code from}, same fingerprint) and, for protected targets, by an
 * approval from Jenkins (see {@link Approvals}). Returns {@code release, from, to, fingerprint, approver}.
 */
public class PromoteStep extends DataOpsStep {
    private final String release;
    private final String from;
    private final String to;

    @CheckForNull
    private String approver;

    /**
     * Creates the step.
     *
     * @param release the release (tag) to promote
     * @param from    the environment it was tested in
     * @param to      the target environment
     * @throws Descriptor.FormException when a parameter is blank
     */
    @DataBoundConstructor
    public PromoteStep(final String release, final String from, final String to) throws Descriptor.FormException {
        this.release = required(release, "release");
        this.from = required(from, "from");
        this.to = required(to, "to");
    }

    public String getRelease() {
        return release;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    @CheckForNull
    public String getApprover() {
        return approver;
    }

    /**
     * Names which input-step approval of this build to use (by user id).
     *
     * @param approver the user id
     */
    @DataBoundSetter
    public void setApprover(@CheckForNull final String approver) {
        this.approver = Util.fixEmptyAndTrim(approver);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, getSpec(), release, from, to, approver);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        @CheckForNull
        private final String spec;

        private final String release;
        private final String from;
        private final String to;

        @CheckForNull
        private final String approver;

        @SuppressWarnings("checkstyle:ParameterNumber") // the step's parameters, copied
        Execution(
                final StepContext context,
                @CheckForNull final String spec,
                final String release,
                final String from,
                final String to,
                @CheckForNull final String approver) {
            super(context);
            this.spec = spec;
            this.release = release;
            this.from = from;
            this.to = to;
            this.approver = approver;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return StepRunner.run(
                    getContext(),
                    spec,
                    List.of(from, to),
                    (run, facts) -> new Task(
                            release,
                            from,
                            to,
                            Approvals.approverFor(run, StepRunner.actor(run), to, facts.isProtected(to), approver)));
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String release;
        private final String from;
        private final String to;

        @CheckForNull
        private final String approver;

        Task(final String release, final String from, final String to, @CheckForNull final String approver) {
            this.release = release;
            this.from = from;
            this.to = to;
            this.approver = approver;
        }

        @Override
        public List<String> environments() {
            return List.of(from, to);
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            return EngineGateway.promote(dataOps, release, from, to, approver);
        }
    }

    /** Registers {@code promote}. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "promote";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: promote a release to the next environment";
        }
    }
}
