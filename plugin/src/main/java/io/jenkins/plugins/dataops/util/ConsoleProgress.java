package io.jenkins.plugins.dataops.util;

import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.io.PrintStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes engine progress to the build console, one line per message, prefixed {@code [DataOps]}. Every value
 * in {@code masks} (the secrets this step resolved) is replaced by {@code ****}, as a second line of defence
 * behind the engine's own rule that messages carry no secrets.
 */
public final class ConsoleProgress implements ProgressListener, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The prefix of every line this plugin writes to the console. */
    public static final String PREFIX = "[DataOps] ";

    private final TaskListener listener;
    private final ArrayList<String> masks;

    /**
     * Creates a console listener.
     *
     * @param listener the build's listener (it streams back to the controller when used on an agent)
     * @param masks    secret values to hide
     */
    public ConsoleProgress(final TaskListener listener, final List<String> masks) {
        this.listener = listener;
        this.masks = new ArrayList<>(masks);
    }

    @Override
    public void info(final String message) {
        print("", message);
    }

    @Override
    public void warn(final String message) {
        print("[-WARNING-] ", message);
    }

    @Override
    public void error(final String message) {
        print("[-ERROR-] ", message);
    }

    /**
     * Hides every secret in a text.
     *
     * @param text the text
     * @return the text with each secret replaced by {@code ****}
     */
    public String mask(final String text) {
        return mask(text, masks);
    }

    /**
     * Hides every secret in a text.
     *
     * @param text    the text
     * @param secrets the values to hide
     * @return the text with each secret replaced by {@code ****}
     */
    public static String mask(final String text, final List<String> secrets) {
        String result = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "****");
            }
        }
        return result;
    }

    private void print(final String level, final String message) {
        PrintStream logger = listener.getLogger();
        for (String line : mask(message).split("\\R")) {
            logger.println(PREFIX + level + line);
        }
    }
}
