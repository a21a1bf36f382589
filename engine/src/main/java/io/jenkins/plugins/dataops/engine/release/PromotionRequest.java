package io.jenkins.plugins.dataops.engine.release;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A request to promote a release from one environment to the next.
 *
 * @param release    the release tag
 * @param from       the source environment
 * @param to         the target environment
 * @param requester  who asks (the session's actor)
 * @param approvedBy who approved it (needed for protected targets), or null
 * @param force      skip the promotion-path gate (needs a reason)
 * @param reason     why it is forced, recorded; empty when not forced
 */
public record PromotionRequest(
        String release, String from, String to, String requester, String approvedBy, boolean force, String reason)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public PromotionRequest {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(reason, "reason");
        if (force && reason.isBlank()) {
            throw new IllegalArgumentException("A forced promotion needs a reason (--reason), which is recorded.");
        }
    }
}
