package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.credentials.CredentialsBridge;
import io.jenkins.plugins.dataops.engine.StepLedgerCollector;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.policy.StepDefaults;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import io.jenkins.plugins.dataops.report.GovernanceIndex;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What every step does around its one engine call, on the controller: read the spec's bytes from the workspace
 * and parse its credentials ids on the controller, check them against the administrator's rules, resolve them in
 * the build's context, run the call on the agent, collect its records from its step ledger (also when the call is
 * cut off), chain and store them, and turn an engine error into one {@link AbortException} line.
 */
final class StepRunner {
    private StepRunner() {}

    /** Builds the engine task once the spec's facts are known (e.g. to check an approval first). */
    @FunctionalInterface
    interface TaskFactory {
        /**
         * Creates the task.
         *
         * @param run   the build
         * @param facts what the spec says about the step's environments
         * @return the task
         * @throws AbortException when the step must not run (e.g. a missing approval)
         */
        EngineTask create(Run<?, ?> run, SpecFacts facts) throws AbortException;
    }

    /**
     * Runs a task that needs nothing from the spec up front.
     *
     * @param context the step context
     * @param spec    the spec parameter, null for the configured default
     * @param task    the task
     * @return the step's value
     * @throws Exception an {@link AbortException} for engine errors; anything else is a bug or an outage
     */
    static LinkedHashMap<String, Object> run(
            final StepContext context, @CheckForNull final String spec, final EngineTask task) throws Exception {
        return run(context, spec, task.environments(), (run, facts) -> task);
    }

    /**
     * Runs a task built from the spec's facts.
     *
     * @param context      the step context
     * @param spec         the spec parameter, null for the configured default
     * @param environments the environments whose credentials the task needs
     * @param factory      builds the task
     * @return the step's value
     * @throws Exception an {@link AbortException} for engine errors; anything else is a bug or an outage
     */
    static LinkedHashMap<String, Object> run(
            final StepContext context,
            @CheckForNull final String spec,
            final List<String> environments,
            final TaskFactory factory)
            throws Exception {
        return run(Target.of(context), spec, environments, factory);
    }

    /**
     * Runs a task on build objects resolved before (for a clean-up that must still work after the step's
     * context has completed, e.g. when the build was aborted).
     *
     * @param target the build, its listener and the workspace
     * @param spec   the spec parameter, null for the configured default
     * @param task   the task
     * @return the step's value
     * @throws Exception an {@link AbortException} for engine errors; anything else is a bug or an outage
     */
    static LinkedHashMap<String, Object> run(
            final Target target, @CheckForNull final String spec, final EngineTask task) throws Exception {
        return run(target, spec, task.environments(), (run, facts) -> task);
    }

    private static LinkedHashMap<String, Object> run(
            final Target target,
            @CheckForNull final String spec,
            final List<String> environments,
            final TaskFactory factory)
            throws Exception {
        Run<?, ?> run = target.run;
        TaskListener listener = target.listener;
        FilePath workspace = target.workspace;
        String specPath = specPath(spec);

        SpecFacts facts = SpecFacts.read(workspace, specPath, environments);
        Set<String> ids = allowedIds(facts);
        CredentialsBridge credentials = CredentialsBridge.resolve(run, ids);
        EngineTask task = factory.create(run, facts);

        FilePath ledger = StepLedgers.file(workspace, task.ledgerId());
        EngineOutcome outcome;
        try {
            outcome = workspace.act(new EngineCall(
                    specPath,
                    actor(run),
                    run.getExternalizableId(),
                    credentials.getResolver(),
                    listener,
                    credentials.getMasks(),
                    task,
                    ledger.getRemote()));
        } catch (Exception | Error e) {
            // Aborted, the agent's channel went away, or an Error on the built-in node: the call may have changed
            // something, and what it recorded (intent before change) is in its step ledger on the agent.
            collectAfter(target, task.ledgerId(), credentials.getMasks(), e);
            throw e;
        }
        store(run, outcome.getRecords());
        deleteQuietly(target, ledger);
        if (outcome.getError() != null) {
            throw new EngineFailureException(
                    ConsoleProgress.PREFIX + outcome.getError(),
                    !outcome.getRecords().isEmpty());
        }
        return outcome.getValue();
    }

    /**
     * Collects a step ledger from its agent, stores its records on the build (those it does not hold yet) and
     * deletes the ledger, unless its call still writes it.
     *
     * @param target   the build, its listener and the workspace
     * @param ledgerId the task's step ledger
     * @param masks    the secrets to mask, empty when the call's credentials are not at hand (after a restart)
     * @param reason   why an intent found open has no outcome
     * @return what was collected
     * @throws IOException          when the agent cannot be reached or the build not saved
     * @throws InterruptedException when the collection is interrupted (the ledger stays on the agent)
     */
    static StepLedgers.Collected collect(
            final Target target, final String ledgerId, final List<String> masks, final String reason)
            throws IOException, InterruptedException {
        FilePath ledger = StepLedgers.file(target.workspace, ledgerId);
        StepLedgers.Collected collected = ledger.act(new StepLedgers.Collect(ledgerId, reason, target.listener, masks));
        List<GovernanceEntry> stored = store(target.run, collected.getRecords());
        target.listener
                .getLogger()
                .printf(
                        "%sCollected %d record(s) of the cut-off call from the agent (%d new, %d intent(s) recorded"
                                + " as interrupted).%n",
                        ConsoleProgress.PREFIX,
                        collected.getRecords().size(),
                        stored.size(),
                        collected.getInterrupted());
        if (collected.isStillRunning()) {
            target.listener
                    .getLogger()
                    .println(ConsoleProgress.PREFIX + "The call still runs on the agent; its step ledger "
                            + ledger.getRemote() + " is kept.");
        } else {
            deleteQuietly(target, ledger);
        }
        return collected;
    }

    private static void collectAfter(
            final Target target, final String ledgerId, final List<String> masks, final Throwable failure) {
        boolean interrupted = Thread.interrupted(); // an abort interrupted this thread: collect all the same
        try {
            collect(
                    target,
                    ledgerId,
                    masks,
                    "the step was stopped (" + failure.getClass().getSimpleName() + ")");
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stores the records the build does not hold yet: a crash between storing and deleting collects twice. */
    private static List<GovernanceEntry> store(final Run<?, ?> run, final List<GovernanceEntry> collected)
            throws IOException {
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        List<Map<String, Object>> stored = action == null
                ? List.of()
                : action.getEntries().stream().map(GovernanceEntry::getEvidence).toList();
        List<GovernanceEntry> fresh =
                StepLedgerCollector.unseen(
                                collected.stream()
                                        .map(GovernanceEntry::toRecord)
                                        .toList(),
                                stored)
                        .stream()
                        .map(GovernanceEntry::of)
                        .toList();
        if (!fresh.isEmpty()) {
            GovernanceIndex.get().record(run, fresh);
        }
        return fresh;
    }

    /** The records are stored: a ledger left behind is collected again and deduplicated, so only warn. */
    private static void deleteQuietly(final Target target, final FilePath ledger) {
        try {
            ledger.act(new StepLedgers.Delete());
        } catch (IOException | InterruptedException | RuntimeException e) {
            target.listener
                    .getLogger()
                    .println(ConsoleProgress.PREFIX + "Could not delete the step ledger " + ledger.getRemote() + ": "
                            + e.getMessage());
        }
    }

    /**
     * Returns the spec path to use.
     *
     * @param spec the step's parameter
     * @return the parameter, or the configured default
     */
    static String specPath(@CheckForNull final String spec) {
        return StepDefaults.spec(spec, DataOpsConfiguration.get().getDefaultSpec());
    }

    /**
     * Returns who acts: the user who started the build, else the build's authentication.
     *
     * @param run the build
     * @return a user id
     */
    static String actor(final Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        if (cause != null && cause.getUserId() != null) {
            return cause.getUserId();
        }
        return Jenkins.getAuthentication2().getName();
    }

    /**
     * Checks the spec's credentials ids against the administrator's rules (deny by default) on the controller,
     * so neither a spec nor an agent picks which secrets the build is given.
     */
    private static Set<String> allowedIds(final SpecFacts facts) throws AbortException {
        try {
            return DataOpsConfiguration.get().policy().allowedIds(facts.toPolicyFacts());
        } catch (DataOpsException e) {
            throw new AbortException(ConsoleProgress.PREFIX + e.getMessage());
        }
    }

    /** The build objects a step works with, resolved once from its context. */
    static final class Target {
        private final Run<?, ?> run;
        private final TaskListener listener;
        private final FilePath workspace;

        private Target(final Run<?, ?> run, final TaskListener listener, final FilePath workspace) {
            this.run = run;
            this.listener = listener;
            this.workspace = workspace;
        }

        /**
         * Resolves the build, its listener and the workspace.
         *
         * @param context the step context
         * @return the objects
         * @throws Exception a {@link MissingContextVariableException} outside {@code node}
         */
        static Target of(final StepContext context) throws Exception {
            return new Target(
                    required(context, Run.class),
                    required(context, TaskListener.class),
                    required(context, FilePath.class));
        }
    }

    private static <T> T required(final StepContext context, final Class<T> type) throws Exception {
        T value = context.get(type);
        if (value == null) {
            throw new MissingContextVariableException(type);
        }
        return value;
    }
}
