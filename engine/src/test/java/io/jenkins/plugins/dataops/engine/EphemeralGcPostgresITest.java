package io.jenkins.plugins.dataops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gc on PostgreSQL finds ephemeral databases by their comment when the workspace's registry is gone. */
class EphemeralGcPostgresITest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    private Path dir;

    private DataOps dataOps(final ExampleProduct product, final String actor, final Instant at) {
        return product.open(actor, new MemoryLedger(), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void shouldDestroyTheExpiredDatabaseAndKeepTheLiveOneWhenTheRegistryIsGone() throws IOException, SQLException {
        String product = "gc" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        ExampleProduct example = ExampleProduct.onPostgres(dir, product);
        example.writeSpec(example.readSpec()
                .replaceFirst("(?m)^product: .*$", "product: " + product)
                .replace(
                        "ephemeral:\n  provider: h2\n",
                        "ephemeral:\n  provider: postgres\n  url: "
                                + PostgresServer.get().jdbcUrl("postgres") + "\n  credentials: "
                                + ExampleProduct.PG_ADMIN + "\n"));
        DataOps creator = dataOps(example, "alice", NOW);
        creator.createEphemeral(CreateEphemeralRequest.of("pr-1").withTtl(Duration.ofMinutes(30)));
        creator.createEphemeral(CreateEphemeralRequest.of("pr-2").withTtl(Duration.ofHours(4)));
        EphemeralGcTest.deleteRecursively(dir.resolve(".dataops/ephemeral"));

        GcResult result = dataOps(example, "gc", NOW.plus(Duration.ofHours(1))).gc(GcRequest.expired());

        assertThat(result.destroyed()).containsExactly("pr-1");
        assertThat(databaseExists(product + "_pr_1")).isFalse();
        assertThat(databaseExists(product + "_pr_2")).isTrue();
        dataOps(example, "gc", NOW.plus(Duration.ofHours(5))).gc(GcRequest.expired());
        assertThat(databaseExists(product + "_pr_2")).isFalse();
    }

    private static boolean databaseExists(final String name) throws SQLException {
        try (Connection admin = PostgresServer.get().connect("postgres");
                PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
