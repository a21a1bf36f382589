package io.jenkins.plugins.dataops.engine.release;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of checking an environment's data after a schema change (post-deploy verification).
 *
 * @param passed   true when no check breached its threshold
 * @param summary  one line for people, e.g. {@code 18 passed, 1 warned, 0 failed}
 * @param evidence the check results as JSON values, for the ledger
 */
public record Verification(boolean passed, String summary, Map<String, Object> evidence) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public Verification {
        Objects.requireNonNull(summary, "summary");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
