package io.jenkins.plugins.dataops.engine.provision.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArmFailuresTest {
    @Test
    void shouldNotLeaveAPartOfASecretWhereALongMessageIsCut() {
        // Given an SDK message whose cut at 400 characters falls inside the secret
        String secret = "S3cretClientValue-0123456789";
        String message = "x".repeat(385) + " secret=" + secret + " and more";
        ArmFailures failures = new ArmFailures("credentials 'azure-prod'", List.of(secret));

        // When it is translated
        String text = failures.translate("create SQL server 'sql-x'", new IllegalStateException(message))
                .getMessage();

        // Then no part of the secret remains
        assertThat(text).doesNotContain(secret.substring(0, 4));
    }
}
