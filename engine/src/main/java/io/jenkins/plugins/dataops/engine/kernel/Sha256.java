package io.jenkins.plugins.dataops.engine.kernel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash of records, fingerprints, check suites and sample files. */
public final class Sha256 {
    private Sha256() {}

    /**
     * Returns a new SHA-256 digest, for hashing in parts.
     *
     * @return the digest
     */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the bytes
     * @return 64 lower-case hex digits
     */
    public static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }
}
