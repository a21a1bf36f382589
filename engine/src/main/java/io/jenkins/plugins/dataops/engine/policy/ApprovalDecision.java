package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Decides who approved a promotion. For a protected target the approver is the newest candidate who is a
 * known user, none of the requesters, a member of one of the groups when groups are named, and the named
 * approver when one is named. User ids are compared with the front end's rule (for Jenkins, the security
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
        if (!request.isProtected() && (named == null || isCandidate(request, named))) {
            return Optional.ofNullable(named);
        }
        for (int i = request.candidates().size() - 1; i >= 0; i--) {
            String candidate = request.candidates().get(i);
            if ((named == null || sameId.test(named, candidate)) && mayApprove(candidate, request)) {
                return Optional.of(candidate);
            }
        }
        throw new InvalidInputException(message(request));
    }

    private boolean isCandidate(final ApprovalRequest request, final String id) {
        return request.candidates().stream().anyMatch(candidate -> sameId.test(id, candidate));
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
        String named = request.named() == null
                ? ""
                : " '" + request.named() + "' did not give a valid approval for this promotion.";
        return "Promotion to '%s' needs an approval from a user other than '%s'%s: %s%s"
                .formatted(request.target(), request.requesters().get(0), groups, request.howToApprove(), named);
    }
}
