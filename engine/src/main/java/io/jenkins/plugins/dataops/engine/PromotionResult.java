package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.release.Verification;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a successful {@link DataOps#promote} did.
 *
 * @param release      the release tag
 * @param from         the source environment
 * @param to           the target environment
 * @param fingerprint  the release fingerprint
 * @param gates        every gate with its evidence
 * @param applied      the changesets applied to the target
 * @param verification the target's post-deploy data tests
 */
public record PromotionResult(
        String release,
        String from,
        String to,
        String fingerprint,
        List<Gate> gates,
        MigrationResult applied,
        Verification verification)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public PromotionResult {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fingerprint, "fingerprint");
        gates = List.copyOf(gates);
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(verification, "verification");
    }
}
