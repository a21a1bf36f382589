package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content hashes that identify what a release is, independent of its name: the changelog checksum covers every
 * file of the changelog's folder; the release fingerprint covers those and the check suites. Files are hashed
 * in path order with their relative path, so a rename changes the fingerprint and a checkout location does not.
 * The state folder ({@code .dataops/}) is never part of it.
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
        return hash(List.of(spec.changelog().getParent()), spec);
    }

    /**
     * Hashes the changelog files and the check suites: what promotion gates compare.
     *
     * @param spec the data product
     * @return SHA-256, 64 hex digits
     */
    public static String releaseFingerprint(final DataProductSpec spec) {
        return hash(List.of(spec.changelog().getParent(), spec.checks()), spec);
    }

    private static String hash(final List<Path> folders, final DataProductSpec spec) {
        Path base = spec.baseDir();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(f -> !f.startsWith(spec.stateDir()))
                            .sorted()
                            .toList()) {
                        digest.update(base.relativize(file)
                                .toString()
                                .replace('\\', '/')
                                .getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(Files.readAllBytes(file));
                        digest.update((byte) 0);
                    }
                }
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
