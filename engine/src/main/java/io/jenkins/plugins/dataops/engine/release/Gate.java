package io.jenkins.plugins.dataops.engine.release;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One promotion gate as evaluated: its name, whether it let the promotion through, and the evidence.
 *
 * @param name   e.g. {@code promotion-path}, {@code source-runs-release}, {@code tests-passed}, {@code approval}
 * @param passed true when the gate is satisfied
 * @param detail the evidence, or why it refuses and what to do
 */
public record Gate(String name, boolean passed, String detail) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public Gate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }
}
