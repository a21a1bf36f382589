package io.jenkins.plugins.dataops.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecLoaderTest {
    /** Lines 1 and 2 of most specs below; line numbers in expected messages count from here. */
    private static final String HEAD = """
            product: customer
            changelog: db/changelog.yaml
            """;

    @TempDir
    private Path dir;

    @Test
    void shouldLoadTheExampleSpec() {
        // Given
        Path file = ExampleProduct.copy("customer", dir);

        // When
        DataProductSpec spec = SpecLoader.load(file);

        // Then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(spec.product()).isEqualTo("customer");
        softly.assertThat(spec.file()).isEqualTo(file.toAbsolutePath().normalize());
        softly.assertThat(spec.changelog())
                .isEqualTo(dir.resolve("db/changelog.yaml").toAbsolutePath().normalize());
        softly.assertThat(spec.checks())
                .isEqualTo(dir.resolve("checks").toAbsolutePath().normalize());
        softly.assertThat(spec.stateDir())
                .isEqualTo(dir.resolve(".dataops").toAbsolutePath().normalize());
        softly.assertThat(spec.promotion()).containsExactly("dev", "qat", "prod");
        softly.assertThat(spec.environments()).containsOnlyKeys("dev", "qat", "prod");
        softly.assertThat(spec.environments().values())
                .extracting(EnvironmentSpec::provider)
                .containsOnly("h2");
        softly.assertThat(spec.environment("prod").isProtected()).isTrue();
        softly.assertThat(spec.environment("dev").isProtected()).isFalse();
        softly.assertThat(spec.ephemeral()).hasValueSatisfying(e -> {
            assertThat(e.provider()).isEqualTo("h2");
            assertThat(e.ttl()).contains(Duration.ofHours(4));
        });
        softly.assertThat(spec.policy()).isEqualTo(SpecPolicy.STRICT);
        softly.assertAll();
    }

    @Test
    void shouldReadPolicyFromAllowGatesAndOnFailure() throws IOException {
        // Given
        Path file = write(HEAD + """
                environments:
                  dev: { provider: h2 }
                allow:
                  noRollback: true
                  destructive: yes
                gates:
                  maxTestAge: 30m
                  drift: warn
                onFailure: keep
                lockTimeout: 90s
                """);

        // When
        DataProductSpec spec = SpecLoader.load(file);

        // Then
        assertThat(spec.policy())
                .isEqualTo(new SpecPolicy(
                        true, true, Duration.ofMinutes(30), false, Duration.ofSeconds(90), DriftGate.WARN));
    }

    @Test
    void shouldDefaultThePromotionPathToTheDeclarationOrder() throws IOException {
        // Given
        Path file = write(HEAD + """
                environments:
                  test: { provider: h2 }
                  acc: { provider: h2 }
                  live: { provider: h2, protected: true, description: the real thing }
                """);

        // When
        DataProductSpec spec = SpecLoader.load(file);

        // Then
        assertThat(spec.promotion()).containsExactly("test", "acc", "live");
        assertThat(spec.ephemeral()).isEmpty();
        assertThat(spec.environment("live").settings()).containsEntry("description", "the real thing");
    }

    @Test
    void shouldKeepProviderSettingsOfPostgresAndAzureEnvironments() throws IOException {
        // Given
        Path file = write(HEAD + """
                environments:
                  qat:
                    provider: postgres
                    url: jdbc:postgresql://qat-db:5432/postgres
                    credentials: qat-db
                    roleCredentials: qat-app
                  prod:
                    provider: azure-sql
                    credentials: azure-prod
                    sqlCredentials: prod-sql
                    resourceGroup: rg-customer
                    server: sql-customer
                    location: westeurope
                    maxSizeGb: 250
                    firewall:
                      - { name: office, start: 203.0.113.0, end: 203.0.113.255 }
                    tags: { team: data }
                """);

        // When
        DataProductSpec spec = SpecLoader.load(file);

        // Then
        EnvironmentSpec qat = spec.environment("qat");
        assertThat(qat.credentials()).contains("qat-db");
        assertThat(qat.requiredString("url")).isEqualTo("jdbc:postgresql://qat-db:5432/postgres");
        assertThat(qat.optionalString("roleCredentials")).contains("qat-app");
        EnvironmentSpec prod = spec.environment("prod");
        assertThat(prod.settings()).containsEntry("maxSizeGb", 250);
        assertThat(prod.entries("firewall"))
                .singleElement()
                .satisfies(
                        rule -> assertThat(rule).containsEntry("name", "office").containsEntry("end", "203.0.113.255"));
        assertThat(prod.flag("aadAuthentication", true)).isTrue();
        assertThatThrownBy(() -> prod.requiredString("database"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'prod' (provider 'azure-sql') needs the key 'database'");
    }

    @Test
    void shouldNameTheDeclaredEnvironmentsWhenAnUnknownOneIsAskedFor() throws IOException {
        // Given
        DataProductSpec spec = SpecLoader.load(ExampleProduct.copy("customer", dir));

        // When / Then
        assertThatThrownBy(() -> spec.environment("staging"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Environment 'staging' is not declared")
                .hasMessageContaining("[dev, qat, prod]");
    }

    static Stream<Arguments> singleProblems() {
        return Stream.of(
                arguments(
                        "unknown top-level key",
                        """
                        product: customer
                        chnagelog: db/changelog.yaml
                        environments:
                          dev: { provider: h2 }
                        """,
                        "line 2: unknown key 'chnagelog' in the spec; did you mean 'changelog'?"),
                arguments(
                        "unknown environment key",
                        HEAD + """
                        environments:
                          dev:
                            provider: h2
                            protcted: true
                        """,
                        "line 6: unknown key 'protcted' in environment 'dev'; did you mean 'protected'?"),
                arguments(
                        "ttl outside the ephemeral template",
                        HEAD + """
                        environments:
                          dev:
                            provider: h2
                            ttl: 4h
                        """,
                        "line 6: unknown key 'ttl' in environment 'dev'"),
                arguments("promotion not a list", HEAD + """
                        promotion: dev
                        environments:
                          dev: { provider: h2 }
                        """, "line 3: 'promotion' must be a list, e.g. [a, b]"),
                arguments("protected not a boolean", HEAD + """
                        environments:
                          dev:
                            provider: h2
                            protected: maybe
                        """, "line 6: 'protected' must be true or false"),
                arguments("maxSizeGb not an integer", HEAD + """
                        environments:
                          prod:
                            provider: azure-sql
                            credentials: azure-prod
                            sqlCredentials: prod-sql
                            resourceGroup: rg
                            server: srv
                            location: westeurope
                            maxSizeGb: ten
                        """, "line 11: 'maxSizeGb' must be a whole number"),
                arguments("firewall rule without end", HEAD + """
                        environments:
                          prod:
                            provider: azure-sql
                            credentials: azure-prod
                            sqlCredentials: prod-sql
                            resourceGroup: rg
                            server: srv
                            location: westeurope
                            firewall:
                              - { name: office, start: 203.0.113.0 }
                        """, "line 12: a 'firewall' entry needs the key 'end'"),
                arguments("missing changelog file", """
                        product: customer
                        changelog: db/missing.yaml
                        environments:
                          dev: { provider: h2 }
                        """, "line 2: changelog file 'db/missing.yaml' not found"),
                arguments(
                        "promotion names an undeclared environment",
                        HEAD + """
                        promotion: [dev, qa]
                        environments:
                          dev: { provider: h2 }
                          qat: { provider: h2 }
                        """,
                        "line 3: promotion path names environment 'qa', which is not declared; "
                                + "did you mean 'qat'?"),
                arguments(
                        "promotion names an environment twice",
                        HEAD + """
                        promotion: [dev, dev]
                        environments:
                          dev: { provider: h2 }
                        """,
                        "line 3: promotion path names environment 'dev' twice"),
                arguments("duplicate environment", HEAD + """
                        environments:
                          dev: { provider: h2 }
                          dev: { provider: h2 }
                        """, "line 5: environment 'dev' is declared twice"),
                arguments("duplicate key", """
                        product: customer
                        changelog: db/changelog.yaml
                        product: other
                        environments:
                          dev: { provider: h2 }
                        """, "line 3: duplicate key 'product' in the spec"),
                arguments(
                        "missing provider",
                        HEAD + """
                        environments:
                          dev:
                            protected: true
                        """,
                        "line 5: environment 'dev' needs the key 'provider' (one of [azure-sql, h2, postgres])"),
                arguments(
                        "unknown provider",
                        HEAD + """
                        environments:
                          dev:
                            provider: postgress
                        """,
                        "line 5: unknown provider 'postgress' in environment 'dev'; did you mean 'postgres'?"),
                arguments(
                        "bad product name",
                        """
                        product: Customer_1
                        changelog: db/changelog.yaml
                        environments:
                          dev: { provider: h2 }
                        """,
                        "line 1: 'product' value 'Customer_1' must start with a lower-case letter"),
                arguments(
                        "bad environment name",
                        HEAD + """
                        environments:
                          Dev: { provider: h2 }
                        """,
                        "line 4: 'environment name' value 'Dev' must start with a lower-case letter"),
                arguments(
                        "bad duration in ephemeral ttl", HEAD + """
                        environments:
                          dev: { provider: h2 }
                        ephemeral:
                          provider: h2
                          ttl: 4 hours
                        """, "line 7: 'ttl': Duration '4 hours' is not valid"),
                arguments(
                        "bad duration in gates.maxTestAge",
                        HEAD + """
                        environments:
                          dev: { provider: h2 }
                        gates:
                          maxTestAge: soon
                        """,
                        "line 6: 'maxTestAge': Duration 'soon' is not valid"),
                arguments(
                        "unknown gates.drift mode",
                        HEAD + """
                        environments:
                          dev: { provider: h2 }
                        gates:
                          drift: refuze
                        """,
                        "line 6: 'gates.drift' must be one of [refuse, warn, ignore]; did you mean 'refuse'?"),
                arguments(
                        "onFailure neither rollback nor keep",
                        HEAD + """
                        environments:
                          dev: { provider: h2 }
                        onFailure: rollbak
                        """,
                        "line 5: 'onFailure' must be one of [rollback, keep]; did you mean 'rollback'?"),
                arguments("environments not a mapping", HEAD + """
                        environments: [dev, qat]
                        """, "line 3: 'environments' must be a mapping"),
                arguments(
                        "no environment at all",
                        HEAD + """
                        environments: {}
                        """,
                        "line 3: 'environments' must declare at least one environment"),
                arguments("missing required key", """
                        product: customer
                        changelog: db/changelog.yaml
                        """, "line 1: missing required key 'environments'"),
                arguments(
                        "changelog outside the product",
                        """
                        product: customer
                        changelog: ../../etc/passwd
                        environments:
                          dev: { provider: h2 }
                        """,
                        "line 2: 'changelog' value '../../etc/passwd' leaves the product's folder"),
                arguments(
                        "checks outside the product",
                        HEAD + """
                        checks: ../elsewhere
                        environments:
                          dev: { provider: h2 }
                        """,
                        "line 3: 'checks' value '../elsewhere' leaves the product's folder"),
                arguments(
                        "password in a JDBC URL",
                        HEAD + """
                        environments:
                          qat:
                            provider: postgres
                            url: jdbc:postgresql://db:5432/postgres?user=admin&password=hunter2
                            credentials: qat-admin
                        """,
                        "line 6: environment 'qat': 'url' must not carry a password "
                                + "('jdbc:postgresql://db:5432/postgres?user=admin&password=****')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleProblems")
    void shouldReportTheProblemWithFileLineAndKey(final String name, final String yaml, final String expected)
            throws IOException {
        // Given
        Path file = write(yaml);

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid spec '" + file.toAbsolutePath().normalize() + "'")
                .hasMessageContaining(expected);
    }

    @Test
    void shouldRequireUrlAndCredentialsOfAPostgresEnvironment() throws IOException {
        // Given
        Path file = write(HEAD + """
                environments:
                  qat:
                    provider: postgres
                """);

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(2 problems)")
                .hasMessageContaining("line 5: environment 'qat' (provider 'postgres') needs the key 'url'")
                .hasMessageContaining("line 5: environment 'qat' (provider 'postgres') needs the key 'credentials'");
    }

    @Test
    void shouldReportSeveralProblemsAtOnce() throws IOException {
        // Given
        Path file = write("""
                product: customer
                changelog: db/changelog.yaml
                promotion: [dev, prd]
                environments:
                  dev:
                    provider: h2
                    protected: maybe
                  prod:
                    provider: h3
                onFailure: rollbak
                """);

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(4 problems)")
                .hasMessageContaining("line 3: promotion path names environment 'prd', which is not declared; "
                        + "did you mean 'prod'?")
                .hasMessageContaining("line 7: 'protected' must be true or false")
                .hasMessageContaining("line 9: unknown provider 'h3' in environment 'prod'; did you mean 'h2'?")
                .hasMessageContaining("line 10: 'onFailure' must be one of [rollback, keep]");
    }

    @Test
    void shouldRefuseAnEmptyFile() throws IOException {
        // Given
        Path file = write("# nothing here yet\n");

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Spec '" + file.toAbsolutePath().normalize() + "' is empty");
    }

    @Test
    void shouldRefuseInvalidYamlSyntax() throws IOException {
        // Given
        Path file = write("""
                product: customer
                changelog: [db/changelog.yaml
                environments:
                """);

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Spec '" + file.toAbsolutePath().normalize() + "' is not valid YAML")
                .hasMessageContaining("line");
    }

    @Test
    void shouldRefuseASpecThatIsNotAMapping() throws IOException {
        // Given
        Path file = write("- product\n- changelog\n");

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 1: the spec must be a mapping of keys to values")
                .hasMessageContaining("missing required key 'product'");
    }

    @Test
    void shouldRefuseAChangelogLinkedOutOfTheProduct(@TempDir final Path outside) throws IOException {
        // Given db/main.yaml is a link to a changelog elsewhere
        Files.writeString(outside.resolve("main.yaml"), "databaseChangeLog: []\n");
        Path file = write((HEAD + """
                environments:
                  dev: { provider: h2 }
                """).replace("db/changelog.yaml", "db/main.yaml"));
        Files.createSymbolicLink(dir.resolve("db/main.yaml"), outside.resolve("main.yaml"));

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2: 'changelog' value 'db/main.yaml' leaves the product's folder")
                .hasMessageContaining("keep the changelog inside the spec's folder");
    }

    @Test
    void shouldRefuseAMissingSpecFile() {
        // Given
        Path file = dir.resolve("nope.yaml");

        // When / Then
        assertThatThrownBy(() -> SpecLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Spec file '" + file.toAbsolutePath() + "' not found");
    }

    private Path write(final String yaml) throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/changelog.yaml"), "databaseChangeLog: []\n");
        return Files.writeString(dir.resolve("dataops.yaml"), yaml);
    }
}
