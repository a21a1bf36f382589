package io.jenkins.plugins.dataops.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * What the front end knows about a promotion that may need an approval.
 *
 * @param target        the target environment
 * @param requesters    everyone who started the run (directly or upstream); none of them may approve; the
 *                      first is named in messages
 * @param candidates    the approvals given in this run, oldest first
 * @param named         the approver the script named (only selects among the candidates), null for none
 * @param input         the approval prompt the script named (for Jenkins the {@code input} id, normalized by the
 *                      front end): only approvals given there count; null lets every approval of the run count
 * @param isProtected   whether the spec or the administrator protects the target
 * @param groups        the groups whose members may approve; empty means any known user
 * @param howToApprove  one sentence telling the user how to obtain an approval in this front end
 */
public record ApprovalRequest(
        String target,
        List<String> requesters,
        List<Approval> candidates,
        String named,
        String input,
        boolean isProtected,
        List<String> groups,
        String howToApprove) {
    /** Validates and copies the parts. */
    public ApprovalRequest {
        Objects.requireNonNull(target, "target");
        requesters = List.copyOf(requesters);
        candidates = List.copyOf(candidates);
        named = named == null || named.isBlank() ? null : named.trim();
        input = input == null || input.isBlank() ? null : input.trim();
        groups = List.copyOf(groups);
        Objects.requireNonNull(howToApprove, "howToApprove");
        if (requesters.isEmpty()) {
            throw new IllegalArgumentException("an approval request needs the requester");
        }
    }
}
