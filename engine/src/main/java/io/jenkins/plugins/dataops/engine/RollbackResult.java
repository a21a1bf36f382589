package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.release.Verification;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link DataOps#rollback} did.
 *
 * @param environment  the environment
 * @param fromRelease  the release it ran before
 * @param toRelease    the release it runs now
 * @param rolledBack   the changesets rolled back, newest first
 * @param verification the data tests after the rollback
 */
public record RollbackResult(
        String environment, String fromRelease, String toRelease, MigrationResult rolledBack, Verification verification)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public RollbackResult {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(fromRelease, "fromRelease");
        Objects.requireNonNull(toRelease, "toRelease");
        Objects.requireNonNull(rolledBack, "rolledBack");
        Objects.requireNonNull(verification, "verification");
    }
}
