package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalDecisionTest {
    private static final Map<String, Set<String>> USERS =
            Map.of("alice", Set.of("dev"), "bob", Set.of("dba"), "carol", Set.of("dba", "dev"));
    /** Like a case-insensitive security realm. */
    private final ApprovalDecision decision = new ApprovalDecision(
            id -> Optional.ofNullable(USERS.get(id.toLowerCase(java.util.Locale.ROOT))), String::equalsIgnoreCase);

    private static ApprovalRequest request(
            final boolean prot, final List<String> candidates, final String named, final List<String> groups) {
        return new ApprovalRequest(
                "prod",
                List.of("alice"),
                candidates.stream().map(Approval::of).toList(),
                named,
                null,
                prot,
                groups,
                "Approve the input.");
    }

    private static ApprovalRequest inputRequest(final boolean prot, final String input, final Approval... approvals) {
        return new ApprovalRequest(
                "prod", List.of("alice"), List.of(approvals), null, input, prot, List.of(), "Approve the input.");
    }

    @Test
    void shouldNotLetTheRequesterApproveUnderAnotherCase() {
        assertThatThrownBy(() -> decision.approver(request(true, List.of("ALICE"), null, List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Promotion to 'prod' needs an approval from a user other than 'alice': Approve the input.");
    }

    @Test
    void shouldPickTheNewestValidCandidate() {
        assertThat(decision.approver(request(true, List.of("bob", "alice", "carol"), null, List.of())))
                .contains("carol");
    }

    @Test
    void shouldRequireAMemberOfTheGroups() {
        assertThat(decision.approver(request(true, List.of("bob", "carol"), null, List.of("dba", "x"))))
                .contains("carol");
        assertThatThrownBy(() -> decision.approver(request(true, List.of("alice"), null, List.of("dba"))))
                .hasMessageContaining("in one of the groups [dba]");
    }

    @Test
    void shouldRejectAnUnknownUser() {
        assertThatThrownBy(() -> decision.approver(request(true, List.of("mallory"), null, List.of())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldSelectTheNamedApproverAmongCandidatesOnly() {
        assertThat(decision.approver(request(true, List.of("carol", "bob"), "Carol", List.of())))
                .contains("carol");
        assertThatThrownBy(() -> decision.approver(request(true, List.of("bob"), "carol", List.of())))
                .hasMessageEndingWith(" 'carol' did not give a valid approval for this promotion.");
    }

    @Test
    void shouldNeedNoApprovalForAnUnprotectedTarget() {
        assertThat(decision.approver(request(false, List.of(), null, List.of())))
                .isEmpty();
        assertThat(decision.approver(request(false, List.of("bob"), "bob", List.of())))
                .contains("bob");
    }

    @Test
    void shouldNotAcceptANamedApproverWhoDidNotApproveAnUnprotectedTarget() {
        assertThatThrownBy(() -> decision.approver(request(false, List.of(), "bob", List.of())))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldCountOnlyTheApprovalOfTheNamedInput() {
        // Given: bob approved an unrelated input after carol approved the release input
        ApprovalRequest request = inputRequest(
                true, "ReleaseProd", new Approval("carol", "ReleaseProd"), new Approval("bob", "RunSmokeTests"));

        // Then
        assertThat(decision.approver(request)).contains("carol");
    }

    @Test
    void shouldRefuseWhenOnlyAnUnrelatedInputWasApproved() {
        // Given
        ApprovalRequest request =
                inputRequest(true, "ReleaseProd", new Approval("bob", "RunSmokeTests"), Approval.of("carol"));

        // Then
        assertThatThrownBy(() -> decision.approver(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("Approve the input. Only an approval of the input 'ReleaseProd' counts.");
    }

    @Test
    void shouldNotLetTheRequesterApproveTheNamedInput() {
        // Given
        ApprovalRequest request = inputRequest(true, "ReleaseProd", new Approval("Alice", "ReleaseProd"));

        // Then
        assertThatThrownBy(() -> decision.approver(request)).hasMessageContaining("other than 'alice'");
    }

    @Test
    void shouldRequireTheNamedInputEvenForATargetThatIsNotProtected() {
        assertThat(decision.approver(inputRequest(false, "ReleaseProd", new Approval("bob", "ReleaseProd"))))
                .contains("bob");
        assertThatThrownBy(() -> decision.approver(inputRequest(false, "ReleaseProd", new Approval("bob", "Other"))))
                .hasMessageContaining("Only an approval of the input 'ReleaseProd' counts.");
    }

    @Test
    void shouldLetAnyApprovalOfTheRunCountWhenNoInputIsNamed() {
        assertThat(decision.approver(inputRequest(true, null, new Approval("bob", "RunSmokeTests"))))
                .contains("bob");
    }
}
