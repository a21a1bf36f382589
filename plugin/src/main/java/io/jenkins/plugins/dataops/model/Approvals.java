package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.policy.Approval;
import io.jenkins.plugins.dataops.engine.policy.ApprovalDecision;
import io.jenkins.plugins.dataops.engine.policy.ApprovalRequest;
import io.jenkins.plugins.dataops.engine.policy.EnvironmentPolicy;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Supplies what only Jenkins knows to the engine's {@link ApprovalDecision}: the users who approved an
 * {@code input} step of this build, everyone who started the build, the groups of a Jenkins user, and the
 * security realm's {@link jenkins.model.IdStrategy} to compare ids. A name passed to the step only selects among
 * those approvals; on its own it proves nothing.
 *
 * <p>Without {@code approvalInput}, every approval of the build counts ({@link ApproverAction}, which
 * pipeline-input-step adds to the run for any input). With it, only the approval of that input counts: the
 * input step puts an {@link InputSubmittedAction} with the approver on its own flow node, and the node's stored
 * step arguments ({@link ArgumentsAction}) carry its {@code id}.
 */
public final class Approvals {
    /** How to obtain an approval in Jenkins, for the engine's message. */
    static final String HOW_TO_APPROVE = "add an input step before promote (e.g. input id: 'ReleaseProd', "
            + "message: 'Promote?', submitter: '...') and have that user approve it.";

    private Approvals() {}

    /**
     * Returns the approver of a promotion.
     *
     * @param run           the build
     * @param requester     who started the build
     * @param target        the target environment
     * @param specProtected whether the spec protects the target
     * @param requested     the approver the script named, if any
     * @param input         the {@code input} id whose approval counts, if any; else every approval of the build
     * @return the approver's user id; null when the target is not protected and no approver was named
     * @throws AbortException when the target is protected and no valid approval exists, saying what to do
     */
    @CheckForNull
    public static String approverFor(
            final Run<?, ?> run,
            final String requester,
            final String target,
            final boolean specProtected,
            @CheckForNull final String requested,
            @CheckForNull final String input)
            throws AbortException {
        try {
            EnvironmentPolicy policy = DataOpsConfiguration.get().policy();
            String inputId = inputId(input);
            ApprovalRequest request = new ApprovalRequest(
                    target,
                    List.copyOf(requesters(run, requester)),
                    inputId == null ? runApprovals(run) : inputApprovals(run),
                    requested,
                    inputId,
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

    /** Every approval of the build, whatever input it was given in. */
    private static List<Approval> runApprovals(final Run<?, ?> run) {
        return run.getActions(ApproverAction.class).stream()
                .map(action -> Approval.of(action.getUserId()))
                .toList();
    }

    /**
     * Returns the approvals of the build's {@code input} steps with the id of each input, oldest first. An input
     * whose arguments were not stored (or were filtered) has no id, so it never counts for a named input.
     *
     * @param run the build
     * @return the approvals; empty for a build that is not a Pipeline
     */
    static List<Approval> inputApprovals(final Run<?, ?> run) {
        if (!(run instanceof FlowExecutionOwner.Executable executable)) {
            return List.of();
        }
        FlowExecutionOwner owner = executable.asFlowExecutionOwner();
        FlowExecution execution = owner == null ? null : owner.getOrNull();
        List<FlowNode> nodes = new DepthFirstScanner()
                .filteredNodes(
                        execution,
                        node -> node != null && node.getPersistentAction(InputSubmittedAction.class) != null);
        List<Approval> approvals = new ArrayList<>();
        for (FlowNode node : nodes) {
            String approver =
                    node.getPersistentAction(InputSubmittedAction.class).getApprover();
            if (approver != null) { // null: submitted without a user (security off), approves nothing
                approvals.add(new Approval(approver, inputId(stringArgument(node, "id"))));
            }
        }
        Collections.reverse(approvals); // the scan walks back from the heads: newest first
        return approvals;
    }

    @CheckForNull
    private static String stringArgument(final FlowNode node, final String name) {
        return ArgumentsAction.getArguments(node).get(name) instanceof String value ? value : null;
    }

    /**
     * Normalizes an input id as pipeline-input-step does ({@code InputStep.setId} turns a leading a-z into upper
     * case, because lower-case first letters are reserved), so {@code approvalInput: 'releaseProd'} names the input
     * {@code input id: 'releaseProd'} (whose real id is {@code ReleaseProd}).
     *
     * @param id the id as written, or null
     * @return the input's real id, or null for none
     */
    @CheckForNull
    static String inputId(@CheckForNull final String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.trim();
        char first = trimmed.charAt(0);
        return first >= 'a' && first <= 'z' ? Character.toUpperCase(first) + trimmed.substring(1) : trimmed;
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
