package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.config.EnvironmentRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Decides who approved a promotion into a protected environment. The approval must come from Jenkins: a user
 * who approved an {@code input} step of this build ({@link ApproverAction}), who is a known Jenkins user other
 * than the ones who started the build (directly or through an upstream build), and, when the administrator
 * named approver groups for the environment, a member of one of them. A name passed to the step only selects among those approvals; on its own it proves
 * nothing.
 */
public final class Approvals {
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
        Optional<EnvironmentRule> rule = DataOpsConfiguration.get().ruleFor(target);
        boolean isProtected = specProtected
                || rule.map(EnvironmentRule::isProtectedEnvironment).orElse(false);
        List<String> approvals = new ArrayList<>();
        run.getActions(ApproverAction.class).forEach(action -> approvals.add(action.getUserId()));
        String wanted = Util.fixEmptyAndTrim(requested);
        if (!isProtected && (wanted == null || approvals.contains(wanted))) {
            return wanted;
        }
        List<String> groups = rule.map(EnvironmentRule::groups).orElse(List.of());
        Set<String> requesters = requesters(run, requester);
        for (int i = approvals.size() - 1; i >= 0; i--) {
            String candidate = approvals.get(i);
            if ((wanted == null || wanted.equals(candidate)) && isValid(candidate, requesters, groups)) {
                return candidate;
            }
        }
        throw new AbortException(
                ("[DataOps] Promotion to '%s' needs an approval from a Jenkins user other than '%s'%s: "
                                + "add an input step before promote (e.g. input message: 'Promote to %s?', submitter: '...') "
                                + "and have that user approve it.%s")
                        .formatted(
                                target,
                                requester,
                                groups.isEmpty() ? "" : " in one of the groups " + groups,
                                target,
                                wanted == null
                                        ? ""
                                        : " '" + wanted + "' did not approve an input step of this build."));
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

    private static boolean isValid(final String candidate, final Set<String> requesters, final List<String> groups) {
        if (requesters.contains(candidate)) {
            return false;
        }
        User user = User.getById(candidate, false);
        if (user == null) {
            return false;
        }
        if (groups.isEmpty()) {
            return true;
        }
        try {
            for (GrantedAuthority authority : user.impersonate2().getAuthorities()) {
                if (groups.contains(authority.getAuthority())) {
                    return true;
                }
            }
        } catch (UsernameNotFoundException e) {
            return false; // the security realm no longer knows this user, so they cannot approve
        }
        return false;
    }
}
