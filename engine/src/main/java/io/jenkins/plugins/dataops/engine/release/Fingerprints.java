package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Content hashes that identify what a release is, independent of its name: the changelog checksum covers every
 * file of the changelog's folder; the release fingerprint covers those and the check suites. Files are hashed
 * in path order with their relative path, so a rename changes the fingerprint and a checkout location does not.
 * The search path and the extension jars of the spec count as changelog files. The state folder
 * ({@code .dataops/}) is never part of it.
 */
public final class Fingerprints {
    private Fingerprints() {}

    /**
     * Hashes the changelog files.
     *
     * @param spec the data product
     * @return SHA-256, 64 hex digits
     */
    public static String changelogChecksum(final DataProductSpec spec) {
        List<Path> sources = new ArrayList<>(List.of(spec.changelog().getParent()));
        sources.addAll(spec.migration().searchPath());
        return hash(sources, spec);
    }

    /**
     * Hashes the changelog files and the check suites: what promotion gates compare.
     *
     * @param spec the data product
     * @return SHA-256, 64 hex digits
     */
    public static String releaseFingerprint(final DataProductSpec spec) {
        List<Path> sources = new ArrayList<>(List.of(spec.changelog().getParent(), spec.checks()));
        sources.addAll(spec.migration().searchPath());
        sources.addAll(spec.migration().extensions());
        return hash(sources, spec);
    }

    private static String hash(final List<Path> folders, final DataProductSpec spec) {
        Path base = spec.baseDir();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // A set: the search path may hold the changelog's folder, and a file counts once.
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
                digest.update(
                        base.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot read release files under '%s': %s".formatted(folders, e.getMessage()), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
