package io.jenkins.plugins.dataops.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Copies an example data product shipped inside the jar (or the classes folder in tests) into a folder. */
public final class ExampleCopier {
    private ExampleCopier() {}

    /**
     * Copies {@code examples/<name>/} into the target folder.
     *
     * @param name   the example, e.g. {@code customer}
     * @param target the folder to copy into (created)
     * @throws IllegalStateException when the example is not packaged
     */
    public static void copy(final String name, final Path target) {
        String marker = "examples/" + name + "/dataops.yaml";
        URL url = ExampleCopier.class.getClassLoader().getResource(marker);
        if (url == null) {
            throw new IllegalStateException("The example '" + name + "' is not packaged in this build.");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath("/examples/" + name), target);
                }
            } else {
                copyTree(Path.of(uri).getParent(), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the example into '" + target + "': " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource URL " + url, e);
        }
    }

    private static void copyTree(final Path source, final Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
    }
}
