package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.policy.ApprovalDecision;
import io.jenkins.plugins.dataops.engine.policy.ApprovalRequest;
import io.jenkins.plugins.dataops.engine.policy.EnvironmentPolicy;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Supplies what only Jenkins knows to the engine's {@link ApprovalDecision}: the users who approved an
 * {@code input} step of this build ({@link ApproverAction}), everyone who started the build, the groups of a
 * Jenkins user, and the security realm's {@link jenkins.model.IdStrategy} to compare ids. A name passed to the
 * step only selects among those approvals; on its own it proves nothing.
 */
public final class Approvals {
    /** How to obtain an approval in Jenkins, for the engine's message. */
    static final String HOW_TO_APPROVE = "add an input step before promote (e.g. input message: 'Promote?', "
            + "submitter: '...') and have that user approve it.";

    private Approvals() {}

    /**
     * Returns the approver of a promotion.
     *
     * @param run           the build
     * @param requester     who started the build
     * @param target        the target environment
     * @param specProtected whether the spec protects the target
     * @param requested     the approver the script named, if any
     * @return the approver's user id; null when the target is not protected and no approver was named
     * @throws AbortException when the target is protected and no valid approval exists, saying what to do
     */
    @CheckForNull
    public static String approverFor(
            final Run<?, ?> run,
            final String requester,
            final String target,
            final boolean specProtected,
            @CheckForNull final String requested)
            throws AbortException {
        try {
            EnvironmentPolicy policy = DataOpsConfiguration.get().policy();
            List<String> candidates = new ArrayList<>();
            run.getActions(ApproverAction.class).forEach(action -> candidates.add(action.getUserId()));
            ApprovalRequest request = new ApprovalRequest(
                    target,
                    List.copyOf(requesters(run, requester)),
                    candidates,
                    requested,
                    policy.isProtected(target, specProtected),
                    policy.approverGroups(target),
                    HOW_TO_APPROVE);
            return new ApprovalDecision(Approvals::groupsOf, User.idStrategy()::equals)
                    .approver(request)
                    .orElse(null);
        } catch (DataOpsException e) {
            throw new AbortException(ConsoleProgress.PREFIX + e.getMessage());
        }
    }

    /**
     * Returns everyone who started the build: the requester, every user of a user cause (Jenkins merges the
     * causes of queued requests into one build), and the users who started the upstream builds that triggered
     * it, so that nobody approves their own promotion by starting it through another job.
     *
     * @param run       the build
     * @param requester the actor the step records
     * @return the user ids that may not approve
     */
    static Set<String> requesters(final Run<?, ?> run, final String requester) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(requester);
        addUsers(run.getCauses(), ids);
        return ids;
    }

    private static void addUsers(final List<Cause> causes, final Set<String> ids) {
        for (Cause cause : causes) {
            if (cause instanceof Cause.UserIdCause user && user.getUserId() != null) {
                ids.add(user.getUserId());
            } else if (cause instanceof Cause.UpstreamCause upstream) {
                addUsers(upstream.getUpstreamCauses(), ids);
            }
        }
    }

    /** Returns a Jenkins user's groups; empty when Jenkins or its security realm does not know the user. */
    private static Optional<Set<String>> groupsOf(final String id) {
        User user = User.getById(id, false);
        if (user == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(user.impersonate2().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet()));
        } catch (UsernameNotFoundException e) {
            return Optional.empty(); // the security realm no longer knows this user, so they cannot approve
        }
    }
}
