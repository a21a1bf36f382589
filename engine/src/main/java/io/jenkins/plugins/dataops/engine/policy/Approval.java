package io.jenkins.plugins.dataops.engine.policy;

import java.util.Objects;

/**
 * One approval the front end knows of: who gave it, and in which approval prompt (for Jenkins, the id of the
 * {@code input} step; null when the front end cannot tell).
 *
 * @param approver the user id of who approved
 * @param input    the id of the prompt the approval was given in, already normalized by the front end, or null
 */
public record Approval(String approver, String input) {
    /** Validates the parts. */
    public Approval {
        Objects.requireNonNull(approver, "approver");
        input = input == null || input.isBlank() ? null : input;
    }

    /**
     * Returns an approval whose prompt is unknown.
     *
     * @param approver the user id
     * @return the approval
     */
    public static Approval of(final String approver) {
        return new Approval(approver, null);
    }
}
