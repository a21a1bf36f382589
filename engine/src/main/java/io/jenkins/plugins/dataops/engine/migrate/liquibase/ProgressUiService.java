package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import liquibase.AbstractExtensibleObject;
import liquibase.ui.InputHandler;
import liquibase.ui.UIService;

/**
 * Routes what Liquibase tells its user ("Running Changeset: ...", the update summary) to our progress
 * listener, so it reaches the build console or the terminal like our own lines. It never prompts.
 */
final class ProgressUiService extends AbstractExtensibleObject implements UIService {
    private final ProgressListener progress;

    ProgressUiService(final ProgressListener progress) {
        this.progress = progress;
    }

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public void sendMessage(final String message) {
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                progress.info(prefixed(line.strip()));
            }
        }
    }

    @Override
    public void sendErrorMessage(final String message) {
        progress.error(prefixed(message.strip()));
    }

    @Override
    public void sendErrorMessage(final String message, final Throwable exception) {
        // The exception itself reaches the caller through CommandExecutionException; the line is enough here.
        sendErrorMessage(message);
    }

    private static String prefixed(final String line) {
        return line.startsWith("Liquibase") ? line : "Liquibase: " + line;
    }

    @Override
    public <T> T prompt(
            final String prompt, final T valueIfNoEntry, final InputHandler<T> inputHandler, final Class<T> type) {
        return valueIfNoEntry;
    }

    @Override
    public void setAllowPrompt(final boolean allowPrompt) {
        // never prompts: builds and scripts have nobody to answer
    }

    @Override
    public boolean getAllowPrompt() {
        return false;
    }
}
