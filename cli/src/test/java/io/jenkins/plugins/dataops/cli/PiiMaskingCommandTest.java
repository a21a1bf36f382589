package io.jenkins.plugins.dataops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.cli.internal.ExampleCopier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data in failing rows: the example at 1.2.0 holds a duplicate e-mail address, which the suite's
 * {@code unique_email} check finds. Its value must reach no output of a run, unless the suite says the column is
 * not personal data.
 */
class PiiMaskingCommandTest {
    /** The duplicated address of the example's release 1.2.0. */
    private static final String EMAIL = "ada@example.com";

    @TempDir
    private Path dir;

    private Path spec;

    @BeforeEach
    void migrateTheExampleToTheReleaseWithADuplicateEmail() {
        ExampleCopier.copy("customer", dir);
        spec = dir.resolve("dataops.yaml");
        assertThat(dataops("provision", "--env", "dev").code()).isZero();
        assertThat(dataops("migrate", "--env", "dev", "--tag", "1.2.0", "--allow-no-rollback")
                        .code())
                .isZero();
    }

    @Test
    void shouldKeepAMaskedEmailOutOfTheConsoleTheSampleFileTheJunitXmlTheJsonReportAndTheLedger() throws IOException {
        // When the failing checks run, printed as text and as JSON, with JUnit XML, and the reports are written
        List<String> printed = runEveryOutput();

        // Then the address is in none of them, but the masked stand-in (length and id) is
        assertThat(printed).noneMatch(text -> text.contains(EMAIL));
        assertThat(outputFiles())
                .isNotEmpty()
                .allSatisfy(file -> assertThat(read(file)).as(file.toString()).doesNotContain(EMAIL));
        assertThat(read(sampleFile())).contains("[masked: 15 chars, id ");
        assertThat(read(dir.resolve("junit.xml"))).contains("[masked: 15 chars, id ");
    }

    @Test
    void shouldShowTheEmailWhenTheSuiteSaysItIsNotPersonalData() throws IOException {
        // Given the suite unmarks the column
        Path suite = dir.resolve("checks/customer.yaml");
        Files.writeString(suite, Files.readString(suite) + "pii: { email: false }\n");

        // When
        CommandRun run = dataops(
                "test", "--env", "dev", "--junit", dir.resolve("junit.xml").toString());

        // Then the value is the evidence, on the console and in the files; the full name stays masked
        assertThat(run.out())
                .contains("sample: {EMAIL=" + EMAIL + ", DUPLICATES=2}", "FULL_NAME=[masked: 18 chars, id ")
                .doesNotContain("Ada L. (duplicate)");
        assertThat(read(sampleFile())).contains(EMAIL).doesNotContain("Ada L. (duplicate)");
        assertThat(read(dir.resolve("junit.xml"))).contains(EMAIL);
    }

    private List<String> runEveryOutput() {
        List<String> printed = new ArrayList<>();
        for (CommandRun run : List.of(
                dataops(
                        "test",
                        "--env",
                        "dev",
                        "--junit",
                        dir.resolve("junit.xml").toString()),
                dataops("test", "--env", "dev", "--json"),
                dataops("report", "--out", dir.resolve("report.html").toString()),
                dataops(
                        "report",
                        "--format",
                        "json",
                        "--out",
                        dir.resolve("report.json").toString()),
                dataops(
                        "report",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("report.csv").toString()))) {
            printed.add(run.out());
            printed.add(run.err());
        }
        assertThat(printed.get(0)).contains("FAIL  customer.unique_email", "sample: ");
        return printed;
    }

    /** Every file a run writes: the state folder but the database files, and the outputs asked for. */
    private List<Path> outputFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(dir.resolve("db")) && !f.startsWith(dir.resolve(".dataops/h2")))
                    .filter(f -> !f.startsWith(dir.resolve("checks"))
                            && !f.getFileName().toString().endsWith(".yaml"))
                    .toList();
        }
    }

    private Path sampleFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(".dataops/evidence"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("samples-dev-"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static String read(final Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommandRun dataops(final String... args) {
        return CommandRun.of(spec, Map.of("DATAOPS_ACTOR", "alice"), args);
    }
}
