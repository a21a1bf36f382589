package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link DataOps#migrate} should do.
 *
 * @param environment      the environment
 * @param tag              apply up to this tag; null for everything pending
 * @param dryRun           only render the SQL, change nothing
 * @param allowNoRollback  apply changesets without rollback (recorded)
 * @param allowDestructive apply destructive changes (recorded)
 */
public record MigrateOptions(
        String environment, String tag, boolean dryRun, boolean allowNoRollback, boolean allowDestructive)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public MigrateOptions {
        Objects.requireNonNull(environment, "environment");
        if (tag != null && tag.isBlank()) {
            tag = null;
        }
    }

    /**
     * Migrates everything pending, nothing risky allowed.
     *
     * @param environment the environment
     * @return the options
     */
    public static MigrateOptions to(final String environment) {
        return new MigrateOptions(environment, null, false, false, false);
    }
}
