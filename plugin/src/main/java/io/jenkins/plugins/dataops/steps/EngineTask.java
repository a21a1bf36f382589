package io.jenkins.plugins.dataops.steps;

import io.jenkins.plugins.dataops.engine.DataOps;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The one engine call a step makes, shipped to the agent: serializable parameters in, a plain map out
 * (Strings, numbers, booleans, {@link java.util.ArrayList}/{@link LinkedHashMap}) that the Pipeline script
 * gets as the step's value. Implementations are static nested classes of their step, so no step instance
 * or other controller object travels with them.
 *
 * <p>Each task has the id of its step ledger (the file on the agent its records go to, see {@link StepLedgers}),
 * made once and saved with the step execution that holds the task, so that after a restart the execution still
 * knows where the cut-off call wrote its records.</p>
 */
public abstract class EngineTask implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Null only in a task saved by an older version of the plugin. */
    private String ledgerId = UUID.randomUUID().toString();

    /** Creates a task with a step ledger of its own. */
    protected EngineTask() {
        super();
    }

    /**
     * Creates a task that makes the call another task planned (e.g. with an approval found once the spec is read),
     * so its records go to the step ledger whose id the step execution saved.
     *
     * @param planned the task saved with the step execution
     */
    protected EngineTask(final EngineTask planned) {
        this.ledgerId = planned.ledgerId();
    }

    /**
     * Returns the id of this task's step ledger.
     *
     * @return a random id, the same for the life of the task (also across a controller restart)
     */
    public final synchronized String ledgerId() {
        if (ledgerId == null) {
            ledgerId = UUID.randomUUID().toString();
        }
        return ledgerId;
    }

    /**
     * Returns the environments this call touches; the credentials their spec entries name are resolved on
     * the controller before the call. A name the spec does not declare stands for an ephemeral environment
     * (the spec's {@code ephemeral} template).
     *
     * @return the environment names
     */
    public abstract List<String> environments();

    /**
     * Makes the engine call, on the agent.
     *
     * @param dataOps   the engine, opened on the spec with this build's session
     * @param workspace the workspace (for files the step writes, such as JUnit XML)
     * @return the step's value for the script
     * @throws IOException when a file cannot be written
     */
    public abstract LinkedHashMap<String, Object> run(DataOps dataOps, File workspace) throws IOException;
}
