package io.jenkins.plugins.dataops.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the small changelogs of {@code src/test/resources/changelogs/NAME} into a test's folder. */
public final class TestChangelogs {
    private TestChangelogs() {}

    /**
     * Copies one changelog folder.
     *
     * @param name the folder under {@code changelogs/}
     * @param dir  where to copy it
     * @return the copied {@code changelog.*} master file
     */
    public static Path copy(final String name, final Path dir) {
        URL url = TestChangelogs.class.getResource("/changelogs/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No test changelog folder 'changelogs/" + name + "'.");
        }
        try {
            Path source = Path.of(url.toURI());
            Path master = null;
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = dir.resolve(source.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = Files.newInputStream(file)) {
                        Files.copy(in, copy);
                    }
                    if (copy.getFileName().toString().startsWith("changelog.")) {
                        master = copy;
                    }
                }
            }
            return master == null ? dir : master;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
