package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogFiles;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogSources;
import io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Content hashes that identify what a release is, independent of its name. The changelog checksum covers what
 * the migration tool really reads: every file of the resolved changelog tree (includes, {@code includeAll}
 * folders, {@code sqlFile}, {@code loadData} and {@code path} files, through links that stay inside) and every
 * changeset's checksum. The release fingerprint covers that, the check suites and the extension jars. Files are
 * hashed in name order with their name relative to the product's folder, so a rename changes the fingerprint and
 * a checkout location does not. A file outside the product's folder (and its search path) is refused, never
 * hashed; the state folder ({@code .dataops/}) is never part of it.
 */
public final class Fingerprints {
    private Fingerprints() {}

    /**
     * Returns where the spec's changelog is read from and which folders it may read.
     *
     * @param spec the data product
     * @return the changelog, the product's folder, the search path and the extension jars
     */
    public static ChangeLogSources sources(final DataProductSpec spec) {
        return new ChangeLogSources(
                spec.changelog(),
                spec.baseDir(),
                spec.migration().searchPath(),
                spec.migration().extensions());
    }

    /**
     * Reads the changelog tree and hashes it.
     *
     * @param spec     the data product
     * @param migrator reads the changelog the way a migration does
     * @return SHA-256, 64 hex digits
     * @throws InvalidInputException naming the changeset and the path when the changelog reads outside the product
     */
    public static String changelogChecksum(final DataProductSpec spec, final SchemaMigrator migrator) {
        return changelogChecksum(migrator.readChangeLog(sources(spec)));
    }

    /**
     * Hashes a changelog tree that was read already.
     *
     * @param files the files the changelog reads and its changesets' checksums
     * @return SHA-256, 64 hex digits
     */
    public static String changelogChecksum(final ChangeLogFiles files) {
        MessageDigest digest = Sha256.digest();
        try {
            for (ChangeLogFiles.File file : files.files()) {
                update(digest, file.name(), Files.readAllBytes(file.path()));
            }
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot read changelog files %s: %s".formatted(files.names(), e.getMessage()), e);
        }
        for (Map.Entry<String, String> changeSet : files.checksums().entrySet()) {
            update(digest, changeSet.getKey(), changeSet.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Reads the changelog tree and hashes it with the check suites and extension jars: what promotion gates
     * compare.
     *
     * @param spec     the data product
     * @param migrator reads the changelog the way a migration does
     * @return SHA-256, 64 hex digits
     * @throws InvalidInputException naming the changeset (or file) and the path when something read lies outside
     *                               the product
     */
    public static String releaseFingerprint(final DataProductSpec spec, final SchemaMigrator migrator) {
        return releaseFingerprint(spec, migrator.readChangeLog(sources(spec)));
    }

    /**
     * Hashes a changelog tree that was read already with the spec's check suites and extension jars.
     *
     * @param spec  the data product
     * @param files the files the changelog reads and its changesets' checksums
     * @return SHA-256, 64 hex digits
     * @throws InvalidInputException when a check suite or jar is a link out of the product's folder
     */
    public static String releaseFingerprint(final DataProductSpec spec, final ChangeLogFiles files) {
        MessageDigest digest = Sha256.digest();
        update(digest, "changelog", changelogChecksum(files).getBytes(StandardCharsets.UTF_8));
        List<Path> folders = new ArrayList<>(List.of(spec.checks()));
        folders.addAll(spec.migration().extensions());
        Path base = spec.baseDir();
        try {
            for (Path file : filesUnder(folders, spec)) {
                update(digest, base.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot read release files under '%s': %s".formatted(folders, e.getMessage()), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The regular files of the folders (a set: a file counts once), each checked to stay in the product. */
    private static Set<Path> filesUnder(final List<Path> folders, final DataProductSpec spec) throws IOException {
        Path product = spec.baseDir().toRealPath();
        Set<Path> files = new TreeSet<>();
        for (Path folder : folders) {
            if (Files.isRegularFile(folder)) {
                files.add(folder);
            } else if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.startsWith(spec.stateDir()))
                            .forEach(files::add);
                }
            }
        }
        for (Path file : files) {
            Path real = file.toRealPath();
            if (!real.startsWith(product) || real.startsWith(product.resolve(".dataops"))) {
                throw new InvalidInputException(("Release file '%s' resolves to '%s', outside the product's folder "
                                + "'%s'; copy the file into the product instead of linking to it.")
                        .formatted(spec.baseDir().relativize(file), real, product));
            }
        }
        return files;
    }

    private static void update(final MessageDigest digest, final String name, final byte[] content) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content);
        digest.update((byte) 0);
    }
}
