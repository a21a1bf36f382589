package io.jenkins.plugins.dataops.engine.spec;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What the spec allows and demands for every release of the product; a call can allow more.
 *
 * @param allowNoRollback   apply changesets that declare no rollback ({@code allow.noRollback})
 * @param allowDestructive  apply changes that drop tables or columns or narrow a type ({@code allow.destructive})
 * @param maxTestAge        how old the last passing data test run in the source environment may be for a
 *                          promotion ({@code gates.maxTestAge})
 * @param rollbackOnFailure roll the target back when post-deploy verification fails ({@code onFailure: rollback})
 * @param lockTimeout       how long an operation waits for another one on the same environment ({@code lockTimeout})
 * @param driftGate         what a promotion into a drifted target does ({@code gates.drift})
 */
public record SpecPolicy(
        boolean allowNoRollback,
        boolean allowDestructive,
        Duration maxTestAge,
        boolean rollbackOnFailure,
        Duration lockTimeout,
        DriftGate driftGate)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The default age limit of test evidence for a promotion. */
    public static final Duration DEFAULT_MAX_TEST_AGE = Duration.ofHours(24);

    /** The default time an operation waits for the environment's lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    /** Nothing risky allowed, evidence at most a day old, roll back on failure: the default. */
    public static final SpecPolicy STRICT =
            new SpecPolicy(false, false, DEFAULT_MAX_TEST_AGE, true, DEFAULT_LOCK_TIMEOUT);

    /** Validates the parts. */
    public SpecPolicy {
        Objects.requireNonNull(maxTestAge, "maxTestAge");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(driftGate, "driftGate");
    }

    /**
     * Creates a policy that refuses promotions into a drifted target.
     *
     * @param allowNoRollback   apply changesets that declare no rollback
     * @param allowDestructive  apply destructive changes
     * @param maxTestAge        how old the source's last passing data test run may be
     * @param rollbackOnFailure roll the target back when post-deploy verification fails
     * @param lockTimeout       how long an operation waits for the environment's lock
     */
    public SpecPolicy(
            final boolean allowNoRollback,
            final boolean allowDestructive,
            final Duration maxTestAge,
            final boolean rollbackOnFailure,
            final Duration lockTimeout) {
        this(allowNoRollback, allowDestructive, maxTestAge, rollbackOnFailure, lockTimeout, DriftGate.REFUSE);
    }
}
