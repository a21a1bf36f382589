package io.jenkins.plugins.dataops.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The example data products of the repository ({@code examples/}), copied into a test's own folder so that a
 * test never writes its state ({@code .dataops/}) into the source tree.
 */
public final class ExampleProduct {
    private ExampleProduct() {
    }

    /**
     * Copies {@code examples/<name>/} into a folder.
     *
     * @param name   the example, e.g. {@code customer}
     * @param target the folder to copy into
     * @return the spec file of the copy
     */
    public static Path copy(final String name, final Path target) {
        Path source = folder(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).startsWith(".dataops")).toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolve("dataops.yaml");
    }

    /**
     * Copies {@code examples/<name>/} into a folder and replaces its spec, e.g. to add a PostgreSQL environment.
     *
     * @param name   the example, e.g. {@code customer}
     * @param target the folder to copy into
     * @param spec   the content of the new {@code dataops.yaml}
     * @return the spec file of the copy
     */
    public static Path copyWithSpec(final String name, final Path target, final String spec) {
        Path file = copy(name, target);
        try {
            return Files.writeString(file, spec);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds {@code examples/<name>/} from the working directory of a module (engine/ or cli/) or the root.
     *
     * @param name the example
     * @return its folder
     */
    public static Path folder(final String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve(name);
            if (Files.isRegularFile(candidate.resolve("dataops.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
