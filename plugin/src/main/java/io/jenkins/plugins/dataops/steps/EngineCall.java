package io.jenkins.plugins.dataops.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.StepLedgerCollector;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.StepLedger;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs one {@link EngineTask} on the agent that holds the workspace: opens the engine on the spec with the task's
 * step ledger (a file beside the workspace, written as the call works, so its records outlive an abort, a
 * controller restart or a lost channel) and the console as progress listener, makes the call, and returns the
 * value, the error message (never a stack trace, also for an unexpected exception, which is logged on the agent
 * instead) and the records collected from the step ledger. Records are converted to plugin classes here, so only
 * plugin and whitelisted JDK classes cross back to the controller.
 */
final class EngineCall extends MasterToSlaveFileCallable<EngineOutcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(EngineCall.class.getName());

    private final String spec;
    private final String actor;
    private final String buildRef;
    private final MapCredentialsResolver credentials;
    private final ConsoleProgress progress;
    private final ArrayList<String> secrets;
    private final EngineTask task;
    private final String ledger;

    @SuppressWarnings("checkstyle:ParameterNumber") // the serializable state of one agent call
    EngineCall(
            final String spec,
            final String actor,
            final String buildRef,
            final MapCredentialsResolver credentials,
            final TaskListener listener,
            final List<String> masks,
            final EngineTask task,
            final String ledger) {
        this.spec = spec;
        this.actor = actor;
        this.buildRef = buildRef;
        this.credentials = credentials;
        this.progress = new ConsoleProgress(listener, masks);
        this.secrets = new ArrayList<>(masks);
        this.task = task;
        this.ledger = ledger;
    }

    @Override
    public EngineOutcome invoke(final File workspace, final VirtualChannel channel)
            throws IOException, InterruptedException {
        StepLedger records = new StepLedger(Path.of(ledger), Clock.systemUTC());
        Session session = new Session(actor, buildRef, credentials, progress, records);
        LinkedHashMap<String, Object> value = new LinkedHashMap<>();
        String error = null;
        try (Closeable running = records.running()) {
            value = task.run(DataOps.open(workspace.toPath().resolve(spec), session), workspace);
        } catch (DataOpsException e) {
            error = progress.mask(String.valueOf(e.getMessage()));
        } catch (RuntimeException | IOException e) {
            // Not the engine's own report of a failure: a bug or an outage (driver, file system). The exception
            // itself must not cross the channel (its fields may be classes the controller's JEP-200 filter
            // rejects, and the step would print a stack trace), so only its masked message does; the stack
            // trace goes to this agent's log.
            LOGGER.log(Level.WARNING, "DataOps engine call failed unexpectedly for " + buildRef, e);
            error = progress.mask(unexpected(e));
        }
        // A second line of defence behind the engine's rule that nothing it returns holds a secret: the value goes
        // into the Pipeline program's state, the records into build.xml and the reports.
        // The value holds nested maps and lists (a result's toMap()), so every String in it is masked.
        value.replaceAll((key, item) -> mask(item));
        // Records are evidence: only values that ARE a secret are masked (the engine's rule), never parts of
        // words, so a username 'sa' leaves 'sales' alone.
        // The call has ended, so an intent still open here lost its outcome (the ledger refused it): it is settled
        // now rather than left for a collection that may never come.
        StepLedgerCollector.Collected collected = new StepLedgerCollector(progress)
                .collect(records, task.ledgerId(), "the engine call ended without recording an outcome", Duration.ZERO);
        return new EngineOutcome(value, StepLedgers.entries(collected, secrets), error);
    }

    private Object mask(final Object item) {
        if (item instanceof String text) {
            return progress.mask(text);
        }
        if (item instanceof Map<?, ?> map) {
            LinkedHashMap<Object, Object> masked = new LinkedHashMap<>();
            map.forEach((key, nested) -> masked.put(key, mask(nested)));
            return masked;
        }
        if (item instanceof List<?> list) {
            ArrayList<Object> masked = new ArrayList<>();
            list.forEach(nested -> masked.add(mask(nested)));
            return masked;
        }
        return item;
    }

    /**
     * Describes an exception that is not a {@link DataOpsException} in one line.
     *
     * @param e the exception
     * @return its type and message, with a hint where the details are
     */
    static String unexpected(final Exception e) {
        return "Unexpected %s: %s (details in the agent's log)."
                .formatted(
                        e.getClass().getSimpleName(),
                        e.getMessage() == null
                                ? "no message"
                                : e.getMessage().lines().findFirst().orElse(""));
    }
}
