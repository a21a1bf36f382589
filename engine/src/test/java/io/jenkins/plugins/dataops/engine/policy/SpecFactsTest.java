package io.jenkins.plugins.dataops.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFactsTest {
    @TempDir
    Path dir;

    private DataProductSpec spec() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/changelog.yaml"), "databaseChangeLog: []\n");
        return SpecLoader.load(Files.writeString(dir.resolve("dataops.yaml"), """
                product: customer
                changelog: db/changelog.yaml
                environments:
                  dev: { provider: h2 }
                  prod: { provider: postgres, url: 'jdbc:postgresql://db/x', credentials: pg-prod, protected: true }
                ephemeral:
                  provider: azure-sql
                  credentials: azure-sp
                  sqlCredentials: sql-admin
                  server: sql-1
                  resourceGroup: rg
                  location: westeurope
                """));
    }

    @Test
    void shouldListTheCredentialIdsAndProtectionOfEachEnvironment() throws IOException {
        // When
        SpecFacts facts = SpecFacts.of(spec(), List.of("dev", "prod"));

        // Then
        assertThat(facts.credentialIds()).containsOnlyKeys("dev", "prod");
        assertThat(facts.credentialIds().get("dev")).isEmpty();
        assertThat(facts.credentialIds().get("prod")).containsExactly("pg-prod");
        assertThat(facts.isProtected("prod")).isTrue();
        assertThat(facts.isProtected("dev")).isFalse();
    }

    @Test
    void shouldReadAnUndeclaredEnvironmentFromTheEphemeralTemplate() throws IOException {
        // When
        SpecFacts facts = SpecFacts.of(spec(), List.of("pr-42"));

        // Then
        assertThat(facts.credentialIds().get("pr-42")).containsExactly("azure-sp", "sql-admin");
    }

    @Test
    void shouldNotLetCallersChangeTheFacts() throws IOException {
        // Given
        SpecFacts facts = SpecFacts.of(spec(), List.of("prod"));

        // Then
        assertThatThrownBy(() -> facts.credentialIds().get("prod").add("other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRejectAnUnknownEnvironmentWithoutTemplate() throws IOException {
        // Given
        Files.writeString(dir.resolve("other.yaml"), """
                product: customer
                changelog: db/changelog.yaml
                environments:
                  dev: { provider: h2 }
                """);
        spec();
        DataProductSpec noTemplate = SpecLoader.load(dir.resolve("other.yaml"));

        // Then
        assertThatThrownBy(() -> SpecFacts.of(noTemplate, List.of("qa")))
                .isInstanceOf(DataOpsException.class)
                .hasMessageContaining("qa");
    }

    @Test
    void shouldReadTheSameFactsFromTheSpecsTextAsFromTheFullLoad() throws IOException {
        // Given
        DataProductSpec loaded = spec();
        String text = Files.readString(dir.resolve("dataops.yaml"));
        List<String> environments = List.of("dev", "prod", "pr-7");

        // When
        SpecFacts fromText = SpecFacts.of(SpecLoader.parseDeclarations("dataops.yaml", text), environments);

        // Then
        assertThat(fromText).isEqualTo(SpecFacts.of(loaded, environments));
        assertThat(fromText.credentialIds().get("pr-7")).containsExactly("azure-sp", "sql-admin");
    }
}
