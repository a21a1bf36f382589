package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.provision.EphemeralMarks;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gc finds ephemeral environments where they live (on H2: the mark inside the database file), so a lost registry
 * (a fresh workspace on a new cloud agent) still gets expired environments destroyed and live ones kept.
 */
class EphemeralGcTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    private Path dir;

    private DataOps dataOps(final ExampleProduct product, final String actor, final Instant at) {
        return product.open(actor, new MemoryLedger(), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void shouldDestroyTheExpiredEnvironmentAndKeepTheLiveOneWhenTheRegistryIsGone() throws IOException {
        ExampleProduct product = ExampleProduct.onH2(dir);
        DataOps creator = dataOps(product, "alice", NOW);
        creator.createEphemeral(CreateEphemeralRequest.of("pr-1").withTtl(Duration.ofMinutes(30)));
        creator.createEphemeral(CreateEphemeralRequest.of("pr-2").withTtl(Duration.ofHours(4)));
        creator.provision(ProvisionRequest.of("dev"));
        deleteRecursively(dir.resolve(".dataops/ephemeral"));

        GcResult result = dataOps(product, "gc", NOW.plus(Duration.ofHours(1))).gc(GcRequest.expired());

        assertThat(result.destroyed()).containsExactly("pr-1");
        assertThat(dir.resolve(".dataops/h2/pr-1.mv.db")).doesNotExist();
        assertThat(dir.resolve(".dataops/h2/pr-2.mv.db")).exists();
        assertThat(dir.resolve(".dataops/h2/dev.mv.db")).exists();
        assertThat(dir.resolve(".dataops/ephemeral/pr-2.json"))
                .as("registered again from its mark")
                .exists();
        assertThat(dataOps(product, "gc", NOW.plus(Duration.ofHours(5)))
                        .gc(GcRequest.expired())
                        .destroyed())
                .containsExactly("pr-2");
    }

    @Test
    void shouldLeaveAnotherProductsAndAnUnmarkedDatabaseAlone() {
        assertThat(EphemeralMarks.parse(
                        "dataops-managed product=orders environment=pr-1 owner=bob expires=2026-01-01T00:00:00Z",
                        "customer"))
                .isEmpty();
        assertThat(EphemeralMarks.parse("dataops-managed product=customer environment=qat owner=bob", "customer"))
                .as("a permanent environment has no expiry")
                .isEmpty();
        assertThat(EphemeralMarks.parse(
                        "dataops-managed product=customer environment=pr-1 owner=bob expires=soon", "customer"))
                .as("a damaged expiry")
                .isEmpty();
        assertThat(EphemeralMarks.parse(null, "customer")).isEmpty();
        assertThat(EphemeralMarks.parse(
                                "dataops-managed product=customer environment=pr-9 owner=Alice Smith"
                                        + " expires=2026-01-01T00:00:00Z",
                                "customer")
                        .orElseThrow())
                .satisfies(entry -> {
                    assertThat(entry.name()).isEqualTo("pr-9");
                    assertThat(entry.owner()).isEqualTo("Alice Smith");
                    assertThat(entry.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
                });
    }

    static void deleteRecursively(final Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
