package io.jenkins.plugins.dataops.engine.governance.metrics;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * A deployment that failed, and when the environment had a good release again.
 *
 * @param release          the release whose deployment failed
 * @param deployedAtMillis when it was deployed (epoch ms)
 * @param failedAtMillis   the first record that showed the failure (epoch ms)
 * @param cause            what showed it: {@link #TESTS_FAILED}, {@link #VERIFICATION_FAILED},
 *                         {@link #ROLLED_BACK} or {@link #PROMOTION_REFUSED}
 * @param restoredAtMillis the next good release's deployment (epoch ms), {@code -1} while none followed
 * @param restoredBy       the next good release, empty while none followed
 */
public record ChangeFailure(
        String release,
        long deployedAtMillis,
        long failedAtMillis,
        String cause,
        long restoredAtMillis,
        String restoredBy)
        implements Serializable {
    /** A data-test run of the deployed release failed in the environment. */
    public static final String TESTS_FAILED = "tests-failed";
    /** The post-deploy verification of a promotion failed. */
    public static final String VERIFICATION_FAILED = "verification-failed";
    /** The environment was rolled back. */
    public static final String ROLLED_BACK = "rolled-back";
    /** Promoting the release onward was refused by the {@code tests-passed} gate. */
    public static final String PROMOTION_REFUSED = "promotion-refused";

    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public ChangeFailure {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(restoredBy, "restoredBy");
    }

    /** @return true while no good release followed the failure */
    public boolean isOpen() {
        return restoredAtMillis == TimeValues.NONE;
    }

    /** @return the time to restore in milliseconds, {@code -1} while open */
    public long restoreMillis() {
        return isOpen() ? TimeValues.NONE : restoredAtMillis - failedAtMillis;
    }

    /**
     * Returns the value the front ends show.
     *
     * @return {@code release, deployedAt, failedAt, cause, restoredAt, restoredBy, restoreMillis} (the last three
     *     {@code null} while open)
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("release", release);
        map.put("deployedAt", TimeValues.instant(deployedAtMillis));
        map.put("failedAt", TimeValues.instant(failedAtMillis));
        map.put("cause", cause);
        map.put("restoredAt", TimeValues.instant(restoredAtMillis));
        map.put("restoredBy", isOpen() ? null : restoredBy);
        map.put("restoreMillis", TimeValues.orNull(restoreMillis()));
        return map;
    }
}
