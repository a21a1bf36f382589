package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What comes back from the agent: the step's value or the engine's one-line error, and the governance
 * records the call produced either way (a refused or failed operation is evidence too).
 */
public final class EngineOutcome implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> value;
    private final ArrayList<GovernanceEntry> records;

    @CheckForNull
    private final String error;

    EngineOutcome(
            final LinkedHashMap<String, Object> value,
            final List<GovernanceEntry> records,
            @CheckForNull final String error) {
        this.value = value;
        this.records = new ArrayList<>(records);
        this.error = error;
    }

    public LinkedHashMap<String, Object> getValue() {
        return value;
    }

    public List<GovernanceEntry> getRecords() {
        return records;
    }

    @CheckForNull
    public String getError() {
        return error;
    }
}
