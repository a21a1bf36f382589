package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataops test} on an incremental suite: full first, then the changed rows only, and {@code --full}. */
class IncrementalTestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void migrateTheExampleWithAnIncrementalSuite() throws Exception {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
        assertThat(dataops("provision", "--env", "dev").code()).isZero();
        assertThat(dataops("migrate", "--env", "dev", "--tag", "1.1.0").code()).isZero();
        Files.writeString(dir.resolve("checks/recent_orders.yaml"), """
                table: orders
                incremental: { column: id }
                checks:
                  - not_null: { column: customer_id }
                  - row_count: { min: 1 }
                """);
    }

    @Test
    void shouldCheckOnlyNewRowsAfterAPassingRunAndEveryRowWithFull() throws Exception {
        // Given a first, full run
        JsonNode first = test();
        long allRows = first.get("results").get(0).get("checkedRows").asLong();
        assertThat(first.get("watermarks").get(0).get("incremental").asBoolean())
                .isFalse();
        assertThat(allRows).isPositive();

        // When the next run finds no new order, and a third one is asked to be full
        JsonNode second = test();
        Path junit = dir.resolve("full.xml");
        JsonNode full = test("--full", "--junit", junit.toString());

        // Then
        JsonNode notNull = second.get("results").get(0);
        assertThat(second.get("incremental").asBoolean()).isTrue();
        assertThat(notNull.get("incremental").asBoolean()).isTrue();
        assertThat(notNull.get("checkedRows").asLong()).isZero();
        assertThat(notNull.get("checkedRange").asText()).containsIgnoringCase("rows with id > ");
        assertThat(second.get("results").get(1).get("incremental").asBoolean()).isFalse();
        assertThat(second.get("results").get(1).get("checkedRange").asText()).isEqualTo("all rows");
        assertThat(full.get("incremental").asBoolean()).isFalse();
        assertThat(full.get("results").get(0).get("checkedRows").asLong()).isEqualTo(allRows);
        assertThat(Files.readString(junit))
                .contains("<property name=\"incremental\" value=\"false\"/>")
                .contains("<property name=\"checkedRows\" value=\"" + allRows + "\"/>");
    }

    private JsonNode test(final String... more) throws Exception {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"test", "--env", "dev", "--suite", "recent_orders"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        CommandRun run = dataops(withJson);
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private CommandRun dataops(final String... args) {
        return CommandRun.of(spec, Map.of("DATAOPS_ACTOR", "alice"), args);
    }
}
