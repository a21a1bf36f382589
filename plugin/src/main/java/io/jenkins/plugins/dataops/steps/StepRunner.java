package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.credentials.CredentialsBridge;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.policy.StepDefaults;
import io.jenkins.plugins.dataops.report.GovernanceIndex;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What every step does around its one engine call, on the controller: read the spec's bytes from the workspace
 * and parse its credentials ids on the controller, check them against the administrator's rules, resolve them in the build's context, run the
 * call on the agent, chain and store the records, and turn an engine error into one {@link AbortException}
 * line.
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

        EngineOutcome outcome = workspace.act(new EngineCall(
                specPath,
                actor(run),
                run.getExternalizableId(),
                credentials.getResolver(),
                listener,
                credentials.getMasks(),
                task));
        if (!outcome.getRecords().isEmpty()) {
            GovernanceIndex.get().record(run, outcome.getRecords());
        }
        if (outcome.getError() != null) {
            throw new EngineFailureException(
                    ConsoleProgress.PREFIX + outcome.getError(),
                    !outcome.getRecords().isEmpty());
        }
        return outcome.getValue();
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
