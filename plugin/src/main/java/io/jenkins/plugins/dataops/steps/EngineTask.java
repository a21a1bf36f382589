package io.jenkins.plugins.dataops.steps;

import io.jenkins.plugins.dataops.engine.DataOps;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The one engine call a step makes, shipped to the agent: serializable parameters in, a plain map out
 * (Strings, numbers, booleans, {@link java.util.ArrayList}/{@link LinkedHashMap}) that the Pipeline script
 * gets as the step's value. Implementations are static nested classes of their step, so no step instance
 * or other controller object travels with them.
 */
public abstract class EngineTask implements Serializable {
    private static final long serialVersionUID = 1L;

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
