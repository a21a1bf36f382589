package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.release.Verification;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
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

    /**
     * Returns the value both front ends show.
     *
     * @return {@code environment, fromRelease, toRelease, rolledBack}, {@code verification} (its summary),
     *     {@code verificationDetails} (passed, summary, evidence), {@code previousRelease} and {@code release}
     *     (the same as {@code fromRelease} and {@code toRelease}) and {@code changeSets} (the count)
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.mapOf(this);
        PlainValues.putVerification(map, verification);
        map.put("previousRelease", fromRelease);
        map.put("release", toRelease);
        map.put("changeSets", rolledBack.changeSets().size());
        return map;
    }
}
