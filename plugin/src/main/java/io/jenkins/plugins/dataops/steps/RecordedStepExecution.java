package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The execution of a step whose engine call records what it does in a step ledger; the task (and so its ledger
 * id) is saved with the execution. When the call changes an environment ({@code migrateSchema}, {@code rollback},
 * {@code promote}, {@code dataOpsGc}) an abort lets the call in flight finish, because cutting a schema change off
 * in the middle helps nobody; the step then fails with the abort, its records stored. A second abort interrupts
 * the call; the step fails once its records are collected from the step ledger (a third abort interrupts that
 * wait). A call that changes nothing but history rows and records ({@code checkDrift}, {@code runDataTests}, see
 * {@link #changesEnvironment()}) is interrupted by the first abort, its records collected all the same. After a
 * controller restart (which cuts the call off: remoting cancels every call of a closing channel) the records are
 * collected from the agent, open intents become {@code interrupted}, and the step fails saying so.
 */
abstract class RecordedStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    @Serial
    private static final long serialVersionUID = 1L;

    @CheckForNull
    private final String spec;

    private final EngineTask task;
    private final String stepName;

    /** The first abort, while the call is allowed to finish. */
    @CheckForNull
    private transient volatile Throwable stopRequested;

    /** The thread that makes the engine call, while it runs: only then does an abort wait for it. */
    @CheckForNull
    private transient volatile Thread callThread;

    RecordedStepExecution(
            final StepContext context, @CheckForNull final String spec, final EngineTask task, final String stepName) {
        super(context);
        this.spec = spec;
        this.task = task;
        this.stepName = stepName;
    }

    @Override
    protected final Map<String, Object> run() throws Exception {
        failIfStopped();
        callThread = Thread.currentThread();
        Map<String, Object> value;
        try {
            value = call(getContext(), spec, task);
        } catch (Exception e) {
            if (stopRequested != null) { // interrupted by a second abort, its records collected: fail with the abort
                Thread.interrupted();
                failIfStopped(e);
            }
            throw e;
        } finally {
            callThread = null;
        }
        failIfStopped(); // aborted while the call ran: it finished and its records are stored; the step fails
        return afterCall(value);
    }

    /**
     * Makes the engine call; a step whose task needs the spec's facts first (an approval) overrides it.
     *
     * @param context the step context
     * @param spec    the spec parameter, null for the configured default
     * @param planned the task saved with this execution: the call must write to its step ledger
     * @return the step's value
     * @throws Exception as {@link StepRunner#run(StepContext, String, EngineTask)}
     */
    protected LinkedHashMap<String, Object> call(
            final StepContext context, @CheckForNull final String spec, final EngineTask planned) throws Exception {
        return StepRunner.run(context, spec, planned);
    }

    /**
     * Judges the value of a call that completed (e.g. fails on drift or marks the stage UNSTABLE).
     *
     * @param value the call's value
     * @return the step's value
     * @throws Exception to fail the step
     */
    protected Map<String, Object> afterCall(final Map<String, Object> value) throws Exception {
        return value;
    }

    /**
     * Says whether the call may change an environment; one that changes only history rows and records is
     * interrupted by the first abort instead of finishing.
     *
     * @return true unless overridden
     */
    protected boolean changesEnvironment() {
        return true;
    }

    private void failIfStopped() throws Exception {
        failIfStopped(null);
    }

    private void failIfStopped(@CheckForNull final Exception failure) throws Exception {
        Throwable cause = stopRequested;
        if (cause == null) {
            return;
        }
        Exception abort = cause instanceof Exception e
                ? e
                : new AbortException(ConsoleProgress.PREFIX + stepName + " was aborted: " + cause);
        if (failure != null && failure != abort) {
            abort.addSuppressed(failure);
        }
        throw abort;
    }

    @Override
    public void stop(final Throwable cause) throws Exception {
        Thread thread = callThread;
        if (thread == null || !changesEnvironment()) {
            super.stop(cause); // nothing to wait for: StepRunner collects the interrupted call's records
        } else if (stopRequested == null) {
            stopRequested = cause;
            AfterRestart.console(
                    getContext(),
                    "Abort requested: the %s call in progress may be changing the environment, so it finishes first and "
                                    .formatted(stepName)
                            + "its records are stored; abort again to interrupt it.");
        } else {
            // The step fails once the interrupted call's records are collected (StepRunner waits for them).
            AfterRestart.console(
                    getContext(),
                    "Interrupting the %s call; its records are collected before the step fails.".formatted(stepName));
            thread.interrupt();
        }
    }

    @Override
    public void onResume() {
        StepContext context = getContext();
        AfterRestart.whenAgentIsBack(context, "collecting the records of " + stepName, target -> {
            StepLedgers.Collected collected = StepRunner.collect(
                    target, task.ledgerId(), List.of(), "Jenkins restarted while the call was running");
            context.onFailure(new AbortException(ConsoleProgress.PREFIX
                    + "Jenkins restarted while %s was running, which cut its engine call off; %d record(s) of the call "
                            .formatted(stepName, collected.getRecords().size())
                    + "were collected from the agent (%d recorded as interrupted). %s"
                            .formatted(collected.getInterrupted(), advice())));
        });
    }

    private String advice() {
        return changesEnvironment()
                ? "Check the environment, then run the build again."
                : "The call changes only history rows and records, not the schema or the data; run the build again.";
    }

    @Override
    public String getStatus() {
        return stopRequested == null ? super.getStatus() : "finishing its engine call after an abort";
    }
}
