package io.jenkins.plugins.dataops.engine.db;

/** Removes a secret from a text before it reaches a message, a log line or a record. */
public final class SecretScrubber {
    private SecretScrubber() {
    }

    /**
     * Replaces every occurrence of the secret with {@code ****}.
     *
     * @param text   a message, may be null
     * @param secret the secret, may be null or empty
     * @return the text without the secret, or an empty string for null
     */
    public static String scrub(final String text, final String secret) {
        if (text == null) {
            return "";
        }
        if (secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "****");
    }
}
