package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.quality.FailOn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operation requests: validated where they are made, naming the parameter; withers copy, never change. */
class RequestsTest {
    @Test
    void shouldNameTheParameterOfABlankEnvironment() {
        assertThatThrownBy(() -> MigrateRequest.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'environment'")
                .hasMessageContaining("' '");
        assertThatThrownBy(() -> StatusRequest.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'environment'");
        assertThatThrownBy(() -> PromoteRequest.of("1.0.0", "dev", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'to'");
        assertThatThrownBy(() -> CreateEphemeralRequest.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void shouldRefuseASampleSizeOutOfRangeNamingIt() {
        assertThatThrownBy(() -> TestRequest.of("dev").withSampleSize(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sampleSize'")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> TestRequest.of("dev").withFailOn(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'failOn'");
    }

    @Test
    void shouldCopyOnEveryWitherAndKeepTheOtherParts() {
        MigrateRequest plain = MigrateRequest.of("dev");
        MigrateRequest risky = plain.withTag("1.2.0").withAllowDestructive(true).withDryRun(true);

        assertThat(plain.tag()).isEmpty();
        assertThat(plain.isAllowDestructive()).isFalse();
        assertThat(plain.isDryRun()).isFalse();
        assertThat(risky.environment()).isEqualTo("dev");
        assertThat(risky.tag()).contains("1.2.0");
        assertThat(risky.isAllowDestructive()).isTrue();
        assertThat(risky.isAllowNoRollback()).isFalse();
        assertThat(risky.isDryRun()).isTrue();
    }

    @Test
    void shouldTreatABlankOptionalPartAsAbsent() {
        assertThat(MigrateRequest.of("dev").withTag("  ").tag()).isEmpty();
        assertThat(RollbackRequest.of("dev").withToRelease(null).toRelease()).isEmpty();
        assertThat(RollbackRequest.of("dev").withToRelease("1.0.0").toRelease()).contains("1.0.0");
        assertThat(StatusRequest.of("dev").withTag("").tag()).isEmpty();
        assertThat(TestRequest.of("dev").withSuite(" ").suite()).isEmpty();
        assertThat(PromoteRequest.of("1.0.0", "dev", "qat").withApprovedBy("").approvedBy())
                .isEmpty();
        assertThat(CreateEphemeralRequest.of("pr-1").ttl()).isEmpty();
        assertThat(CreateEphemeralRequest.of("pr-1")
                        .withTtl(Duration.ofHours(2))
                        .ttl())
                .contains(Duration.ofHours(2));
    }

    @Test
    void shouldDefaultToTheSafeChoices() {
        TestRequest test = TestRequest.of("dev");
        PromoteRequest promote = PromoteRequest.of("1.0.0", "dev", "qat");

        assertThat(test.failOn()).isEqualTo(FailOn.ERROR);
        assertThat(test.sampleSize()).isEqualTo(5);
        assertThat(promote.isForce()).isFalse();
        assertThat(promote.reason()).isEmpty();
    }
}
