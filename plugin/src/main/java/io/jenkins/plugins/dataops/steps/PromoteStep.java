package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.PromoteRequest;
import io.jenkins.plugins.dataops.model.Approvals;
import java.io.File;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code promote release: '1.4.7', from: 'qat', to: 'prod'}: moves a release one step along the promotion
 * path, gated by the engine (tests passed in {@code from}, same fingerprint) and, for protected targets, by an
 * approval from Jenkins (see {@link Approvals}). {@code allowDrift: true, reason: '…'} lets a drifted target
 * through the drift gate (recorded). {@code approvalInput: 'ReleaseProd'} lets only the approval of the
 * {@code input id: 'ReleaseProd'} step count; without it any input approval of the build counts. Returns {@code release, from, to, fingerprint, approver}.
 */
public class PromoteStep extends DataOpsStep {
    private final String release;
    private final String from;
    private final String to;

    @CheckForNull
    private String approver;

    @CheckForNull
    private String approvalInput;

    private boolean allowDrift;

    @CheckForNull
    private String reason;

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

    @CheckForNull
    public String getApprovalInput() {
        return approvalInput;
    }

    /**
     * Names the {@code input} step (its {@code id}) whose approval counts; approvals of other inputs of the build
     * are then ignored. Without it, any input approval of the build counts.
     *
     * @param approvalInput the input id, as written in {@code input id: ...}
     */
    @DataBoundSetter
    public void setApprovalInput(@CheckForNull final String approvalInput) {
        this.approvalInput = Util.fixEmptyAndTrim(approvalInput);
    }

    public boolean isAllowDrift() {
        return allowDrift;
    }

    /**
     * Lets the drift gate pass for a target that has drifted from its changelog (recorded with the reason).
     *
     * @param allowDrift true to allow it
     */
    @DataBoundSetter
    public void setAllowDrift(final boolean allowDrift) {
        this.allowDrift = allowDrift;
    }

    @CheckForNull
    public String getReason() {
        return reason;
    }

    /**
     * Says why the drift is allowed; the engine refuses {@code allowDrift} without one.
     *
     * @param reason the reason
     */
    @DataBoundSetter
    public void setReason(@CheckForNull final String reason) {
        this.reason = Util.fixEmptyAndTrim(reason);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(
                context,
                getSpec(),
                new Task(PromoteRequest.of(release, from, to).withAllowDrift(allowDrift, reason)),
                approver,
                approvalInput);
    }

    /**
     * Lets a promotion in flight finish on abort and collects its records after a restart: the task planned here
     * is saved, and the approved task the call makes once the spec is read keeps its step ledger.
     */
    private static final class Execution extends RecordedStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Task planned;

        @CheckForNull
        private final String approver;

        @CheckForNull
        private final String approvalInput;

        Execution(
                final StepContext context,
                @CheckForNull final String spec,
                final Task planned,
                @CheckForNull final String approver,
                @CheckForNull final String approvalInput) {
            super(context, spec, planned, "promote");
            this.planned = planned;
            this.approver = approver;
            this.approvalInput = approvalInput;
        }

        @Override
        protected LinkedHashMap<String, Object> call(
                final StepContext context, @CheckForNull final String spec, final EngineTask task) throws Exception {
            String to = planned.request.to();
            return StepRunner.run(
                    context,
                    spec,
                    planned.environments(),
                    (run, facts) -> planned.approvedBy(Approvals.approverFor(
                            run, StepRunner.actor(run), to, facts.isProtected(to), approver, approvalInput)));
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        private final PromoteRequest request;

        Task(final PromoteRequest request) {
            this.request = request;
        }

        private Task(final Task planned, final PromoteRequest request) {
            super(planned);
            this.request = request;
        }

        /** The same call with the approver Jenkins found, writing to the planned task's step ledger. */
        Task approvedBy(@CheckForNull final String approvedBy) {
            return new Task(this, request.withApprovedBy(approvedBy));
        }

        @Override
        public List<String> environments() {
            return List.of(request.from(), request.to());
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            return EngineGateway.promote(dataOps, request);
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
