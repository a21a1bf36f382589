package io.jenkins.plugins.dataops.engine.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The drift check on an H2 file database in the test's folder; the expected schema is built in a temp folder. */
class H2DriftDetectorTest extends AbstractDriftDetectorTest {
    @Override
    DatabaseTarget freshDatabase(final Path dir) {
        return new DatabaseTarget(
                "dev",
                "jdbc:h2:file:" + dir.resolve("h2").resolve("dev").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                "sa",
                "");
    }

    @Override
    String widenStatusColumn() {
        return "ALTER TABLE child ALTER COLUMN status SET DATA TYPE VARCHAR(50)";
    }

    @Test
    void shouldRemoveTheScratchFolderAfterTheCheck() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = scratchFolders(tmp);

        detector().check(request());

        assertThat(scratchFolders(tmp)).isEqualTo(before);
    }

    private static long scratchFolders(final Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("dataops-drift-"))
                    .count();
        }
    }
}
