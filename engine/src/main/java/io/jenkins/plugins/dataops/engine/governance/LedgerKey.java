package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the ledger: an HMAC-SHA-256 over every record's hash (which covers its content and the
 * hash before it) and over the head, so that someone who can write the ledger's files but does not know the key
 * cannot rewrite, forge or cut it without {@code verify-ledger} noticing. Never printed: {@link #toString} masks.
 */
public final class LedgerKey {
    /** The shortest key accepted: 32 characters, e.g. {@code openssl rand -hex 16}. */
    public static final int MIN_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private LedgerKey(final byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * Makes a key from its text.
     *
     * @param source where the text came from, for the error (e.g. {@code DATAOPS_LEDGER_KEY})
     * @param secret the text
     * @return the key
     * @throws InvalidInputException when it is shorter than {@link #MIN_LENGTH}
     */
    public static LedgerKey of(final String source, final String secret) {
        if (secret.strip().length() < MIN_LENGTH) {
            throw new InvalidInputException(
                    "%s is too short (%d characters): a ledger key needs at least %d random characters, e.g. the output of 'openssl rand -hex 16'."
                            .formatted(source, secret.strip().length(), MIN_LENGTH));
        }
        return new LedgerKey(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Computes a record's MAC.
     *
     * @param sequence the record's sequence
     * @param hash     the record's hash
     * @return 64 hex digits
     */
    public String record(final long sequence, final String hash) {
        return mac("dataops-ledger-record:" + sequence + ":" + hash);
    }

    /**
     * Computes the head's MAC.
     *
     * @param head the head file's content
     * @return 64 hex digits
     */
    public String head(final String head) {
        return mac("dataops-ledger-head:" + head.strip());
    }

    private String mac(final String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "LedgerKey[****]";
    }
}
