package io.jenkins.plugins.dataops.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionGatesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String FINGERPRINT = "a".repeat(64);

    private DataProductSpec spec;

    @BeforeEach
    void writeSpec(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/changelog.yaml"), "databaseChangeLog: []\n");
        Files.writeString(dir.resolve("dataops.yaml"), """
                product: customer
                changelog: db/changelog.yaml
                promotion: [dev, qat, prod]
                gates: { maxTestAge: 2h }
                environments:
                  dev: { provider: h2 }
                  qat: { provider: h2 }
                  prod: { provider: h2, protected: true }
                """);
        spec = SpecLoader.load(dir.resolve("dataops.yaml"));
    }

    private static HistoryEntry entry(
            final String action,
            final String release,
            final String fingerprint,
            final String outcome,
            final Instant when) {
        return new HistoryEntry(
                0,
                "customer",
                "dev",
                release,
                fingerprint,
                "c",
                action,
                outcome,
                "alice",
                "cli",
                when.toEpochMilli(),
                "{\"summary\":\"3 failed\"}");
    }

    private static List<HistoryEntry> testedSource() {
        return List.of(
                entry("migrate", "1.1.0", FINGERPRINT, "success", NOW.minusSeconds(3600)),
                entry("test", "1.1.0", FINGERPRINT, "passed", NOW.minusSeconds(600)));
    }

    private List<Gate> evaluate(final PromotionRequest request, final List<HistoryEntry> source) {
        return new PromotionGates(spec).evaluate(request, FINGERPRINT, source, NOW);
    }

    private static PromotionRequest request(final String from, final String to, final String approver) {
        return new PromotionRequest("1.1.0", from, to, "alice", approver, false, "");
    }

    private static Gate gate(final List<Gate> gates, final String name) {
        return gates.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldPassEveryGateWithFreshEvidence() {
        // When
        List<Gate> gates = evaluate(request("dev", "qat", null), testedSource());

        // Then
        assertThat(gates)
                .extracting(Gate::name)
                .containsExactly("promotion-path", "source-runs-release", "tests-passed", "approval");
        assertThat(gates).allMatch(Gate::passed);
        assertThat(gate(gates, "tests-passed").detail()).contains("'dev'", "passed");
    }

    @Test
    void shouldRefuseSkippingAnEnvironmentUnlessForcedWithAReason() {
        // When
        Gate skipped = gate(evaluate(request("dev", "prod", "bob"), testedSource()), "promotion-path");
        Gate forced = gate(
                evaluate(
                        new PromotionRequest("1.1.0", "dev", "prod", "alice", "bob", true, "hotfix INC-7"),
                        testedSource()),
                "promotion-path");

        // Then
        assertThat(skipped.passed()).isFalse();
        assertThat(skipped.detail()).contains("'prod' does not follow 'dev'", "next is 'qat'");
        assertThat(forced.passed()).isTrue();
        assertThat(forced.detail()).contains("forced by alice", "hotfix INC-7");
        assertThatThrownBy(() -> new PromotionRequest("1.1.0", "dev", "prod", "alice", null, true, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
    }

    @Test
    void shouldRefuseWhenTheSourceRunsAnotherReleaseOrFingerprint() {
        // Given
        List<HistoryEntry> otherRelease = List.of(entry("migrate", "1.0.0", FINGERPRINT, "success", NOW));
        List<HistoryEntry> otherFingerprint = List.of(entry("migrate", "1.1.0", "b".repeat(64), "success", NOW));

        // Then
        assertThat(gate(evaluate(request("dev", "qat", null), List.of()), "source-runs-release")
                        .detail())
                .contains("has no release applied");
        assertThat(gate(evaluate(request("dev", "qat", null), otherRelease), "source-runs-release")
                        .detail())
                .contains("runs release '1.0.0', not '1.1.0'");
        Gate changed = gate(evaluate(request("dev", "qat", null), otherFingerprint), "source-runs-release");
        assertThat(changed.passed()).isFalse();
        assertThat(changed.detail()).contains("fingerprint bbbbbbbbbbbb", "aaaaaaaaaaaa", "changed since");
    }

    @Test
    void shouldRefuseWithoutPassingRecentTestsOfThisRelease() {
        // Given
        List<HistoryEntry> failed = List.of(
                entry("migrate", "1.1.0", FINGERPRINT, "success", NOW),
                entry("test", "1.1.0", FINGERPRINT, "failed", NOW.minusSeconds(60)));
        List<HistoryEntry> stale = List.of(
                entry("migrate", "1.1.0", FINGERPRINT, "success", NOW),
                entry("test", "1.1.0", FINGERPRINT, "passed", NOW.minus(Duration.ofHours(3))));
        List<HistoryEntry> otherRelease = List.of(
                entry("test", "1.0.0", FINGERPRINT, "passed", NOW),
                entry("migrate", "1.1.0", FINGERPRINT, "success", NOW));

        // Then
        assertThat(gate(
                                evaluate(
                                        request("dev", "qat", null),
                                        List.of(entry("migrate", "1.1.0", FINGERPRINT, "success", NOW))),
                                "tests-passed")
                        .detail())
                .contains("no data test ran in 'dev'");
        assertThat(gate(evaluate(request("dev", "qat", null), failed), "tests-passed")
                        .detail())
                .contains("failed", "3 failed");
        assertThat(gate(evaluate(request("dev", "qat", null), stale), "tests-passed")
                        .detail())
                .contains("older than gates.maxTestAge 2h");
        assertThat(gate(evaluate(request("dev", "qat", null), otherRelease), "tests-passed")
                        .detail())
                .contains("tested another release");
    }

    @Test
    void shouldNeedAnApprovalBySomeoneElseForAProtectedTarget() {
        // When
        Gate missing = gate(evaluate(request("qat", "prod", null), testedSource()), "approval");
        Gate self = gate(evaluate(request("qat", "prod", "alice"), testedSource()), "approval");
        Gate other = gate(evaluate(request("qat", "prod", "bob"), testedSource()), "approval");

        // Then
        assertThat(missing.passed()).isFalse();
        assertThat(missing.detail()).contains("'prod' is protected", "someone other than 'alice'");
        assertThat(self.passed()).isFalse();
        assertThat(self.detail()).contains("cannot approve their own promotion");
        assertThat(other.passed()).isTrue();
        assertThat(other.detail()).contains("approved by 'bob'");
    }

    @Test
    void shouldNotTakeTheRequesterWrittenInAnotherCaseOrWithBlanksAsAnApprover() {
        // When alice approves her own promotion as 'Alice' or ' alice '
        Gate upper = gate(evaluate(request("qat", "prod", "Alice"), testedSource()), "approval");
        Gate padded = gate(evaluate(request("qat", "prod", " alice "), testedSource()), "approval");

        // Then neither counts as someone else
        assertThat(upper.passed()).isFalse();
        assertThat(upper.detail()).contains("cannot approve their own promotion");
        assertThat(padded.passed()).isFalse();
    }
}
