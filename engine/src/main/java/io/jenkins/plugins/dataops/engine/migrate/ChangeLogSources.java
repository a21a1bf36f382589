package io.jenkins.plugins.dataops.engine.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a changelog is read from, and the folders it may read: the product's folder (the spec's) and the search
 * path the spec names. Files outside both, also through a symbolic link, are refused.
 *
 * @param changelog  the root changelog file
 * @param productDir the product's folder (the spec's folder)
 * @param searchPath resource roots for classpath-style includes; an entry may be a link to a shared folder,
 *                   because the spec names it explicitly
 * @param extensions extension jars or folders of jars, for {@code customChange} classes
 */
public record ChangeLogSources(Path changelog, Path productDir, List<Path> searchPath, List<Path> extensions) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException when an argument is missing
     */
    public ChangeLogSources {
        Objects.requireNonNull(changelog, "changelog");
        Objects.requireNonNull(productDir, "productDir");
        searchPath = List.copyOf(searchPath);
        extensions = List.copyOf(extensions);
    }
}
