package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Decides who approved a promotion. For a protected target the approver is the newest candidate who is a
 * known user, none of the requesters, a member of one of the groups when groups are named, the named
 * approver when one is named, and approved in the named prompt when one is named (otherwise any approval of the
 * run counts, even one given for something else). Naming an approver or a prompt makes a valid approval
 * required even for a target that is not protected: the script asked for it, so a typo must not pass silently. User ids are compared with the front end's rule (for Jenkins, the security
 * realm's id strategy, often case-insensitive), so {@code Alice} cannot approve what {@code alice} started.
 */
public final class ApprovalDecision {
    private final Function<String, Optional<Set<String>>> groupsOf;
    private final BiPredicate<String, String> sameId;

    /**
     * Creates the decision with what only the front end knows.
     *
     * @param groupsOf the groups of a user id; empty when the user is unknown
     * @param sameId   tells whether two user ids name the same user
     */
    public ApprovalDecision(
            final Function<String, Optional<Set<String>>> groupsOf, final BiPredicate<String, String> sameId) {
        this.groupsOf = groupsOf;
        this.sameId = sameId;
    }

    /**
     * Returns the approver of a promotion.
     *
     * @param request what is known
     * @return the approver's id; empty when the target is not protected and no approver was named
     * @throws InvalidInputException when the target is protected (or an approver was named) and no valid
     *                               approval exists, saying what to do
     */
    public Optional<String> approver(final ApprovalRequest request) {
        String named = request.named();
        List<String> counted = counted(request);
        if (!request.isProtected() && request.input() == null && (named == null || isCandidate(counted, named))) {
            return Optional.ofNullable(named);
        }
        for (int i = counted.size() - 1; i >= 0; i--) {
            String candidate = counted.get(i);
            if ((named == null || sameId.test(named, candidate)) && mayApprove(candidate, request)) {
                return Optional.of(candidate);
            }
        }
        throw new InvalidInputException(message(request));
    }

    /** The approvers whose approval counts: all of the run's, or only those of the named prompt. */
    private static List<String> counted(final ApprovalRequest request) {
        return request.candidates().stream()
                .filter(approval -> request.input() == null || request.input().equals(approval.input()))
                .map(Approval::approver)
                .toList();
    }

    private boolean isCandidate(final List<String> counted, final String id) {
        return counted.stream().anyMatch(candidate -> sameId.test(id, candidate));
    }

    private boolean mayApprove(final String candidate, final ApprovalRequest request) {
        if (request.requesters().stream().anyMatch(requester -> sameId.test(requester, candidate))) {
            return false;
        }
        Optional<Set<String>> groups = groupsOf.apply(candidate);
        if (groups.isEmpty()) {
            return false; // an id the front end does not know cannot approve
        }
        return request.groups().isEmpty() || request.groups().stream().anyMatch(groups.get()::contains);
    }

    private static String message(final ApprovalRequest request) {
        String groups = request.groups().isEmpty() ? "" : " in one of the groups " + request.groups();
        String input =
                request.input() == null ? "" : " Only an approval of the input '" + request.input() + "' counts.";
        String named = request.named() == null
                ? ""
                : " '" + request.named() + "' did not give a valid approval for this promotion.";
        return "Promotion to '%s' needs an approval from a user other than '%s'%s: %s%s%s"
                .formatted(request.target(), request.requesters().get(0), groups, request.howToApprove(), input, named);
    }
}
