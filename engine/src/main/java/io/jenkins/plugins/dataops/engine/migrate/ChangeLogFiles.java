package io.jenkins.plugins.dataops.engine.migrate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the migration tool really reads for a changelog: every file it opened (the changelogs, their includes,
 * {@code sqlFile}, {@code loadData} and {@code path} files) and every changeset's checksum, in changelog order.
 *
 * @param files      the files, each once, ordered by name
 * @param checksums  each changeset ({@code file::id::author}) with its checksum, in changelog order
 */
public record ChangeLogFiles(List<File> files, Map<String, String> checksums) {
    /**
     * Copies the collections, keeping their order.
     *
     * @throws NullPointerException when an argument is missing
     */
    public ChangeLogFiles {
        files = List.copyOf(files);
        checksums = Collections.unmodifiableMap(new LinkedHashMap<>(checksums));
    }

    /**
     * One file the changelog reads.
     *
     * @param name its name relative to the product's folder (or to the search path entry that holds it), with
     *             {@code /} separators: the same in every checkout
     * @param path where it really is (symbolic links resolved)
     */
    public record File(String name, Path path) {
        /**
         * Checks the values.
         *
         * @throws NullPointerException when an argument is missing
         */
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Returns the names of the files, for messages and tests.
     *
     * @return the names, ordered
     */
    public List<String> names() {
        return files.stream().map(File::name).toList();
    }
}
