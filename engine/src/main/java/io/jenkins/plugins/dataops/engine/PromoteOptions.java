package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link DataOps#promote} should do.
 *
 * @param release    the release tag to promote
 * @param from       the environment that runs and tested it
 * @param to         the environment to promote it to
 * @param approvedBy who approved the promotion (protected targets), or null
 * @param force      skip the promotion-path gate
 * @param reason     why it is forced (required with force, recorded), empty otherwise
 */
public record PromoteOptions(String release, String from, String to, String approvedBy, boolean force, String reason)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public PromoteOptions {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        reason = reason == null ? "" : reason;
    }
}
