package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The execution of {@code provisionEnvironment}. Plain form: one engine call. Block form: creates a throw-away
 * environment, runs the body with {@code DATAOPS_ENV} set, and destroys the environment afterwards, one thing
 * after the other, never two at once:
 * <ul>
 *   <li>an abort during the plain form's call lets it finish (its records stored), then fails the step; a second
 *       abort interrupts it;</li>
 *   <li>an abort during the creation lets it finish, then destroys (a second abort interrupts the creation; the
 *       destroy still waits until the agent's call has stopped writing its records);</li>
 *   <li>each phase is saved with the program before it starts (blocking on {@code saveState()}), so a restart
 *       knows what was under way;</li>
 *   <li>after a restart a body resumes and the teardown runs after it; a creation or teardown that was cut off
 *       has its records collected and the environment destroyed, once the agent is back.</li>
 * </ul>
 */
final class ProvisionExecution extends GeneralNonBlockingStepExecution {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(ProvisionExecution.class.getName());
    private static final long SAVE_TIMEOUT_SECONDS = 60;
    private static final String RESTARTED = "Jenkins restarted while the call was running";

    @CheckForNull
    private final String spec;

    private final ProvisionEnvironmentStep.Task create;
    private final ProvisionEnvironmentStep.Task teardown;

    /** Where the step stands; saved with the program, so a restart knows what to clean up. */
    private volatile Phase phase = Phase.NONE;

    @CheckForNull
    private transient volatile Throwable stopCause;

    @CheckForNull
    private transient volatile Thread callThread;

    @CheckForNull
    private transient volatile BodyExecution body;

    ProvisionExecution(
            final StepContext context, @CheckForNull final String spec, final ProvisionEnvironmentStep.Task create) {
        super(context);
        this.spec = spec;
        this.create = create;
        this.teardown = create.teardown();
    }

    @Override
    public boolean start() throws Exception {
        if (getContext().hasBody()) {
            if (!create.isEphemeral() || create.isPlanOnly()) {
                throw new AbortException(ConsoleProgress.PREFIX + "The block form of provisionEnvironment "
                        + "needs ephemeral: true (and no planOnly): it destroys the environment after the body.");
            }
            run(this::createAndRunBody);
        } else {
            run(this::applyPlain);
        }
        return false;
    }

    private void applyPlain() throws Exception {
        callThread = Thread.currentThread();
        enter(Phase.APPLYING);
        Map<String, Object> value;
        try {
            value = StepRunner.run(getContext(), spec, create);
        } catch (Exception e) {
            throw abortOr(e); // the records of an interrupted call are collected by now
        } finally {
            callThread = null;
        }
        enter(Phase.DONE);
        if (stopCause != null) {
            throw abortOr(null); // aborted while the call ran: it finished, its records are stored
        }
        getContext().onSuccess(value);
    }

    private void createAndRunBody() throws Exception {
        StepContext context = getContext();
        StepRunner.Target target = StepRunner.Target.of(context);
        callThread = Thread.currentThread();
        enter(Phase.CREATING);
        try {
            StepRunner.run(target, spec, create);
        } catch (EngineFailureException e) {
            if (e.isRecorded()) {
                destroyAfterFailure(target, e); // the engine started creating: it may have got half way
            }
            throw abortOr(e);
        } catch (AbortException e) {
            throw abortOr(e); // refused before the engine ran (spec, credentials rules): nothing was created
        } catch (Exception e) {
            destroyAfterFailure(target, e); // interrupted by a second abort, or the agent was lost
            throw abortOr(e);
        } finally {
            callThread = null;
        }
        if (stopCause != null) { // aborted while creating: the creation has finished; destroy, then fail
            Exception aborted = abortOr(null);
            destroyAfterFailure(target, aborted);
            throw aborted;
        }
        enter(Phase.BODY);
        EnvironmentExpander variables = EnvironmentExpander.constant(Map.of("DATAOPS_ENV", create.env()));
        body = context.newBodyInvoker()
                .withContext(EnvironmentExpander.merge(context.get(EnvironmentExpander.class), variables))
                .withCallback(new Teardown())
                .start();
    }

    /** An abort during the creation is what the build ends with (ABORTED), the creation's failure beside it. */
    private Exception abortOr(@CheckForNull final Exception failure) {
        Throwable aborted = stopCause;
        if (aborted == null) {
            return failure;
        }
        Exception cause = aborted instanceof Exception e ? e : new AbortException(String.valueOf(aborted));
        if (failure != null && failure != cause) {
            cause.addSuppressed(failure);
        }
        return cause;
    }

    /**
     * Destroys the environment after its creation failed or was stopped, with the build objects resolved before
     * (an aborted step's context may have completed). StepRunner has collected the creation's records by then,
     * which waits while the agent's call still runs, so the destroy does not race the creation.
     */
    private void destroyAfterFailure(final StepRunner.Target target, final Exception failure) {
        boolean interrupted = Thread.interrupted(); // a second abort interrupted this thread: destroy anyway
        try {
            enter(Phase.DESTROYING);
            StepRunner.run(target, spec, teardown);
            enter(Phase.DONE);
        } catch (Exception e) {
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop(final Throwable cause) throws Exception {
        boolean again = stopCause != null;
        if (!again) {
            stopCause = cause;
        }
        switch (phase) {
            case CREATING ->
                stopCall(
                        again,
                        "the creation of ephemeral environment '%s'".formatted(create.env()),
                        ", then it is destroyed");
            case APPLYING -> stopCall(again, "provisionEnvironment's engine call", ", and its records are stored");
            case DESTROYING ->
                AfterRestart.console(
                        getContext(),
                        "Abort requested: ephemeral environment '%s' is being destroyed; that finishes first."
                                .formatted(create.env()));
            case BODY -> {
                BodyExecution running = body;
                if (running != null) {
                    running.cancel(cause); // the teardown runs when the body has ended
                }
            }
            default -> super.stop(cause); // nothing under way to wait for
        }
    }

    /** A first abort lets the engine call finish; a second interrupts its thread (its records are collected). */
    private void stopCall(final boolean again, final String call, final String then) {
        Thread thread = callThread;
        if (again && thread != null) {
            AfterRestart.console(getContext(), "Interrupting %s; its records are collected first.".formatted(call));
            thread.interrupt();
        } else {
            AfterRestart.console(
                    getContext(),
                    "Abort requested: %s finishes first%s; abort again to interrupt it.".formatted(call, then));
        }
    }

    /**
     * After a controller restart. Never {@code super.onResume()}: {@link GeneralNonBlockingStepExecution} saves
     * its thread name (the field is not transient) and fails the step whenever a saved one is set, even while the
     * body is still running.
     */
    @Override
    public void onResume() {
        switch (phase) {
            case CREATING, DESTROYING ->
                AfterRestart.whenAgentIsBack(
                        getContext(),
                        "destroying ephemeral environment '%s'".formatted(create.env()),
                        this::destroyAfterRestart);
            case APPLYING ->
                AfterRestart.whenAgentIsBack(
                        getContext(), "collecting the records of provisionEnvironment", this::collectAfterRestart);
            case NONE, DONE ->
                getContext()
                        .onFailure(new AbortException(ConsoleProgress.PREFIX
                                + "Jenkins restarted while provisionEnvironment was %s; run the build again."
                                        .formatted(phase == Phase.NONE ? "starting" : "finishing")));
            default -> {} // BODY: the body resumes, and Teardown destroys the environment after it
        }
    }

    private void collectAfterRestart(final StepRunner.Target target) throws Exception {
        StepLedgers.Collected collected = StepRunner.collect(target, create.ledgerId(), List.of(), RESTARTED);
        getContext()
                .onFailure(new AbortException(ConsoleProgress.PREFIX
                        + "Jenkins restarted while provisionEnvironment '%s' was running; %d record(s) of its call were "
                                .formatted(create.env(), collected.getRecords().size())
                        + "collected. Check the environment, then run the build again."));
    }

    private void destroyAfterRestart(final StepRunner.Target target) {
        String message = "Jenkins restarted while ephemeral environment '%s' was being %s; "
                .formatted(create.env(), phase == Phase.CREATING ? "created" : "destroyed");
        ProvisionEnvironmentStep.Task cut = phase == Phase.CREATING ? create : teardown;
        try {
            StepRunner.collect(target, cut.ledgerId(), List.of(), RESTARTED);
            enter(Phase.DESTROYING);
            StepRunner.run(target, spec, teardown);
            enter(Phase.DONE);
            message += "it has been destroyed. Run the build again.";
        } catch (Exception e) {
            message += "destroying it failed (%s); it expires after its time to live.".formatted(e.getMessage());
        }
        getContext().onFailure(new AbortException(ConsoleProgress.PREFIX + message));
    }

    /** Saves the phase with the program and waits for the save, so a restart right after sees it. */
    private void enter(final Phase next) {
        phase = next;
        try {
            getContext().saveState().get(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.log(Level.WARNING, "Could not save provisionEnvironment's phase " + next, e);
        }
    }

    /** Destroys the ephemeral environment after the body (once its agent is back), then passes the outcome on. */
    private final class Teardown extends TailCall {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected void finished(final StepContext context) throws Exception {
            StepRunner.Target target = AfterRestart.awaitWorkspace(
                    context, "destroying ephemeral environment '%s'".formatted(create.env()));
            enter(Phase.DESTROYING);
            StepRunner.run(target, spec, teardown);
            enter(Phase.DONE);
        }
    }

    /** The stages of the step. */
    private enum Phase {
        NONE,
        APPLYING,
        CREATING,
        BODY,
        DESTROYING,
        DONE
    }
}
