package io.jenkins.plugins.dataops.engine;

/** Checks the arguments of requests: every failure names the parameter and its bad value. */
final class Arguments {
    private Arguments() {}

    /**
     * Requires a non-blank text.
     *
     * @param parameter the parameter's name, for the message
     * @param value     its value
     * @return the value
     * @throws IllegalArgumentException when it is null or blank
     */
    static String requireText(final String parameter, final String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Parameter '%s' must not be blank, but was '%s'; pass a value.".formatted(parameter, value));
        }
        return value;
    }

    /**
     * Requires a non-null value.
     *
     * @param parameter the parameter's name, for the message
     * @param value     its value
     * @param <T>       its type
     * @return the value
     * @throws IllegalArgumentException when it is null
     */
    static <T> T requireValue(final String parameter, final T value) {
        if (value == null) {
            throw new IllegalArgumentException("Parameter '%s' must not be null; pass a value.".formatted(parameter));
        }
        return value;
    }

    /**
     * Turns an optional text into its stored form.
     *
     * @param value the text, null or blank for none
     * @return the trimmed text, empty for none
     */
    static String optionalText(final String value) {
        return value == null ? "" : value.trim();
    }
}
