package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * What {@link DataOps#migrate} should do: apply pending changesets up to a tag, or render their SQL (dry run),
 * allowing changesets without rollback or destructive changes only when asked (both recorded).
 */
public final class MigrateRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String tag;
    private final boolean dryRun;
    private final boolean allowNoRollback;
    private final boolean allowDestructive;

    private MigrateRequest(
            final String environment,
            final String tag,
            final boolean dryRun,
            final boolean allowNoRollback,
            final boolean allowDestructive) {
        this.environment = Arguments.requireText("environment", environment);
        this.tag = Arguments.optionalText(tag);
        this.dryRun = dryRun;
        this.allowNoRollback = allowNoRollback;
        this.allowDestructive = allowDestructive;
    }

    /**
     * Migrates everything pending, nothing risky allowed.
     *
     * @param environment the environment
     * @return the request
     */
    public static MigrateRequest of(final String environment) {
        return new MigrateRequest(environment, "", false, false, false);
    }

    /**
     * Applies only up to and including a tag.
     *
     * @param upTo the release tag; null or blank for everything pending
     * @return a copy with the tag
     */
    public MigrateRequest withTag(final String upTo) {
        return new MigrateRequest(environment, upTo, dryRun, allowNoRollback, allowDestructive);
    }

    /**
     * Only renders the SQL, changing nothing.
     *
     * @param enabled true for a dry run
     * @return a copy
     */
    public MigrateRequest withDryRun(final boolean enabled) {
        return new MigrateRequest(environment, tag, enabled, allowNoRollback, allowDestructive);
    }

    /**
     * Applies changesets that cannot be rolled back (recorded).
     *
     * @param allowed true to allow them
     * @return a copy
     */
    public MigrateRequest withAllowNoRollback(final boolean allowed) {
        return new MigrateRequest(environment, tag, dryRun, allowed, allowDestructive);
    }

    /**
     * Applies changes that drop or narrow (recorded).
     *
     * @param allowed true to allow them
     * @return a copy
     */
    public MigrateRequest withAllowDestructive(final boolean allowed) {
        return new MigrateRequest(environment, tag, dryRun, allowNoRollback, allowed);
    }

    public String environment() {
        return environment;
    }

    /**
     * Returns the tag to apply up to.
     *
     * @return the tag, empty for everything pending
     */
    public Optional<String> tag() {
        return tag.isEmpty() ? Optional.empty() : Optional.of(tag);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public boolean isAllowNoRollback() {
        return allowNoRollback;
    }

    public boolean isAllowDestructive() {
        return allowDestructive;
    }
}
