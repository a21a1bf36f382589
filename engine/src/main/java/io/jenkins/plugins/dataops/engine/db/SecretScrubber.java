package io.jenkins.plugins.dataops.engine.db;

/** Removes a secret from a text before it reaches a message, a log line or a record. */
public final class SecretScrubber {
    /**
     * A password written into a JDBC URL ({@code password=...}, {@code pwd=...}, also the key and trust store
     * passwords and secrets such as {@code sslpassword=}, {@code trustStorePassword=}, {@code keyStoreSecret=}),
     * in any driver's syntax.
     */
    private static final java.util.regex.Pattern URL_PASSWORD =
            java.util.regex.Pattern.compile("(?i)\\b(\\w*password|pwd|\\w*secret)=[^;&]*");

    private SecretScrubber() {}

    /**
     * Masks a password written into a JDBC URL, for messages.
     *
     * @param jdbcUrl a JDBC URL
     * @return the URL with every {@code password=} or {@code pwd=} value replaced by {@code ****}
     */
    public static String url(final String jdbcUrl) {
        return URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1=****");
    }

    /**
     * Tells whether a JDBC URL carries a password.
     *
     * @param jdbcUrl a JDBC URL
     * @return true when it has a {@code password=} or {@code pwd=} parameter
     */
    public static boolean hasPassword(final String jdbcUrl) {
        return URL_PASSWORD.matcher(jdbcUrl).find();
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
