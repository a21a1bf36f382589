package io.jenkins.plugins.dataops.steps;

import hudson.AbortException;
import hudson.model.Computer;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a step does after a controller restart about the engine call the restart cut off: the workspace's agent
 * may not be back yet ({@code FilePath} in a resumed step throws until it is), so it looks again after a growing
 * pause (5 s, 10 s ... 60 s, at most {@value #ATTEMPTS} times, about 15 minutes, each wait in the console),
 * then does the work, on a background thread. When the agent does not come back, the step fails saying what was
 * left undone.
 */
final class AfterRestart {
    private static final Logger LOGGER = Logger.getLogger(AfterRestart.class.getName());

    /** How often to look for the agent before giving up. */
    static final int ATTEMPTS = 20;

    private static final long FIRST_PAUSE_SECONDS = 5;
    private static final long MAX_PAUSE_SECONDS = 60;

    private AfterRestart() {}

    /** The work to do once the agent is back. */
    @FunctionalInterface
    interface Work {
        /**
         * Does the work; it must complete the step's context.
         *
         * @param target the build, its listener and the workspace
         * @throws Exception anything fails the step
         */
        void run(StepRunner.Target target) throws Exception;
    }

    /**
     * Runs work as soon as the step's workspace can be reached again, on a background thread.
     *
     * @param context the resumed step's context
     * @param what    what waits, for the console (e.g. "collecting the records of migrateSchema")
     * @param work    the work
     */
    static void whenAgentIsBack(final StepContext context, final String what, final Work work) {
        // Waiting and the work call the agent and may take minutes (a teardown): not on a Timer thread.
        Computer.threadPoolForRemoting.submit(() -> {
            try {
                work.run(awaitWorkspace(context, what));
            } catch (Exception | Error e) {
                context.onFailure(e);
            }
        });
    }

    /**
     * Waits (on the calling thread) until the step's workspace can be reached.
     *
     * @param context the step's context
     * @param what    what waits, for the console
     * @return the build, its listener and the workspace
     * @throws AbortException       when the agent does not come back in time
     * @throws InterruptedException when the wait is interrupted
     * @throws Exception            when the context has no workspace at all
     */
    static StepRunner.Target awaitWorkspace(final StepContext context, final String what) throws Exception {
        long pause = FIRST_PAUSE_SECONDS;
        for (int attempt = 1; ; attempt++) {
            try {
                return StepRunner.Target.of(context);
            } catch (IOException e) { // FilePath of a resumed step throws until its agent is connected again
                if (attempt >= ATTEMPTS) {
                    throw new AbortException(ConsoleProgress.PREFIX + "The agent of the workspace did not come back ("
                            + e.getMessage() + "), so " + what + " was not done; check the environment, then run "
                            + "the build again.");
                }
                console(
                        context,
                        "Waiting for the agent to come back before %s (attempt %d of %d, next in %d s)."
                                .formatted(what, attempt, ATTEMPTS, pause));
                TimeUnit.SECONDS.sleep(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_SECONDS);
            }
        }
    }

    /**
     * Writes one line to the step's console (the logger when there is none).
     *
     * @param context the step's context
     * @param message the line, without the prefix
     */
    static void console(final StepContext context, final String message) {
        try {
            TaskListener listener = context.get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(ConsoleProgress.PREFIX + message);
                return;
            }
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "no console for a resumed step", e);
        }
        LOGGER.info(message);
    }
}
