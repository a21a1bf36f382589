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

    /** A password in the URL's authority, {@code //user:pw@host}. */
    private static final java.util.regex.Pattern USER_INFO_PASSWORD =
            java.util.regex.Pattern.compile("(//[^/:@?;&]*):[^/@?;&]*@");

    private SecretScrubber() {}

    /** The URL with percent-escapes of letters and digits decoded, so {@code pass%77ord=} reads as a key. */
    private static String decodedKeys(final String jdbcUrl) {
        StringBuilder out = new StringBuilder(jdbcUrl.length());
        for (int i = 0; i < jdbcUrl.length(); i++) {
            char c = jdbcUrl.charAt(i);
            if (c == '%'
                    && i + 2 < jdbcUrl.length()
                    && java.util.HexFormat.isHexDigit(jdbcUrl.charAt(i + 1))
                    && java.util.HexFormat.isHexDigit(jdbcUrl.charAt(i + 2))) {
                int value = java.util.HexFormat.fromHexDigits(jdbcUrl, i + 1, i + 3);
                if (Character.isLetterOrDigit(value) && value < 128) {
                    out.append((char) value);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Masks a password written into a JDBC URL, for messages.
     *
     * @param jdbcUrl a JDBC URL
     * @return the URL with every {@code password=} or {@code pwd=} value replaced by {@code ****}
     */
    public static String url(final String jdbcUrl) {
        String masked = USER_INFO_PASSWORD.matcher(decodedKeys(jdbcUrl)).replaceAll("$1:****@");
        return URL_PASSWORD.matcher(masked).replaceAll("$1=****");
    }

    /**
     * Tells whether a JDBC URL carries a password.
     *
     * @param jdbcUrl a JDBC URL
     * @return true when it has a {@code password=} or {@code pwd=} parameter (also percent-encoded, such as
     *     {@code pass%77ord=}) or a password in its authority ({@code //user:pw@host})
     */
    public static boolean hasPassword(final String jdbcUrl) {
        String decoded = decodedKeys(jdbcUrl);
        return URL_PASSWORD.matcher(decoded).find()
                || USER_INFO_PASSWORD.matcher(decoded).find();
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
