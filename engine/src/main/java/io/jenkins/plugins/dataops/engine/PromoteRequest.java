package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** What {@link DataOps#promote} should do: promote a release from the environment that tested it to the next. */
public final class PromoteRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String release;
    private final String from;
    private final String to;
    private final String approvedBy;
    private final boolean force;
    private final String reason;

    @SuppressWarnings("checkstyle:ParameterNumber") // private: the withers are the public way in
    private PromoteRequest(
            final String release,
            final String from,
            final String to,
            final String approvedBy,
            final boolean force,
            final String reason) {
        this.release = Arguments.requireText("release", release);
        this.from = Arguments.requireText("from", from);
        this.to = Arguments.requireText("to", to);
        this.approvedBy = Arguments.optionalText(approvedBy);
        this.force = force;
        this.reason = reason == null ? "" : reason;
    }

    /**
     * Promotes a release, unforced and without approver.
     *
     * @param release the release tag
     * @param from    the environment that runs and tested it
     * @param to      the environment to promote it to
     * @return the request
     */
    public static PromoteRequest of(final String release, final String from, final String to) {
        return new PromoteRequest(release, from, to, "", false, "");
    }

    /**
     * Names who approved the promotion (protected targets).
     *
     * @param approver the approver; null or blank for none
     * @return a copy
     */
    public PromoteRequest withApprovedBy(final String approver) {
        return new PromoteRequest(release, from, to, approver, force, reason);
    }

    /**
     * Skips the promotion-path gate (recorded; the gates require a reason).
     *
     * @param forced true to skip it
     * @param why    why it is forced; null or empty when not forced
     * @return a copy
     */
    public PromoteRequest withForce(final boolean forced, final String why) {
        return new PromoteRequest(release, from, to, approvedBy, forced, why);
    }

    public String release() {
        return release;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /**
     * Returns who approved.
     *
     * @return the approver, empty for none
     */
    public Optional<String> approvedBy() {
        return approvedBy.isEmpty() ? Optional.empty() : Optional.of(approvedBy);
    }

    public boolean isForce() {
        return force;
    }

    public String reason() {
        return reason;
    }
}
