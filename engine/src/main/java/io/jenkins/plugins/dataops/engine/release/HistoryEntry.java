package io.jenkins.plugins.dataops.engine.release;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of an environment's release history: something that happened to the environment's database,
 * recorded inside that database so the truth travels with the data.
 *
 * @param id                 the row id (0 before it is stored)
 * @param product            the data product
 * @param environment        the environment
 * @param release            the release tag (empty when none applies)
 * @param fingerprint        the release fingerprint (SHA-256 of changelog and checks; empty when unknown)
 * @param changelogChecksum  the SHA-256 of the changelog files (empty when unknown)
 * @param action             {@code migrate}, {@code promote}, {@code rollback}, {@code test}, ...
 * @param outcome            {@code success}, {@code failed}, {@code passed}, ...
 * @param actor              who did it
 * @param buildRef           the build that did it (Jenkins URL, or {@code cli})
 * @param recordedAtMillis   when, in epoch milliseconds
 * @param details            a small JSON document with action-specific details
 */
public record HistoryEntry(
        long id,
        String product,
        String environment,
        String release,
        String fingerprint,
        String changelogChecksum,
        String action,
        String outcome,
        String actor,
        String buildRef,
        long recordedAtMillis,
        String details)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public HistoryEntry {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(changelogChecksum, "changelogChecksum");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(buildRef, "buildRef");
        Objects.requireNonNull(details, "details");
    }
}
