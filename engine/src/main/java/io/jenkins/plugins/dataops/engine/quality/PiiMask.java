package io.jenkins.plugins.dataops.engine.quality;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks a personal value for the evidence of one data-test run: what an auditor needs stays (null or not, the
 * length, and a 12-hex-digit HMAC-SHA-256 prefix, so equal values show equal prefixes), the value does not.
 *
 * <p>The HMAC key is random per run and never written anywhere. An unkeyed hash (or one keyed by a salt kept in
 * the workspace) of an e-mail address or a birth date is undone by hashing a list of candidates; with a key that
 * is gone when the run ends, nobody can test a guess. The price: prefixes compare within one run (its sample
 * file, console, JUnit XML and JSON report), not across runs.
 */
final class PiiMask {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int PREFIX = 12;

    private final SecretKeySpec key;

    private PiiMask(final byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * Creates the mask of a run, with a fresh random key.
     *
     * @return the mask
     */
    static PiiMask forRun() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new PiiMask(key);
    }

    /**
     * Masks a value.
     *
     * @param value the value as text, or null for SQL NULL
     * @return null for null, else e.g. {@code [masked: 17 chars, id 3f9a1c2b7d40]}
     */
    String mask(final String value) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        return "[masked: %d %s, id %s]".formatted(length, length == 1 ? "char" : "chars", id(value));
    }

    private String id(final String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of()
                    .formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, PREFIX);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
