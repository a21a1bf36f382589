package io.jenkins.plugins.dataops.engine.migrate;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;

/**
 * A changeset failed while it was applied or rolled back. The message names the environment, the changeset
 * and the database's reason; the failing changeset's own transaction was rolled back by the database.
 */
public class MigrationFailedException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message environment, changeset, reason and what to do next
     * @param cause   the underlying failure
     */
    public MigrationFailedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
