package io.jenkins.plugins.dataops.engine.governance;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What happened, before the ledger chains it into a {@link GovernanceRecord}: who did what, where, with which
 * outcome and evidence. Evidence values are JSON values: String, Number, Boolean, List and Map of those
 * (insertion-ordered); never a secret.
 *
 * @param actor       who did it
 * @param action      e.g. {@code provision}, {@code migrate}, {@code test}, {@code promote}, {@code rollback}
 * @param product     the data product
 * @param environment the environment (empty for product-wide actions)
 * @param release     the release tag (empty when none applies)
 * @param outcome     e.g. {@code success}, {@code failed}, {@code refused}
 * @param buildRef    the build that did it (Jenkins build URL, or {@code cli})
 * @param evidence    the evidence: changesets with checksums, plan summary, check results, gates, approval
 */
public record GovernanceEvent(
        String actor,
        String action,
        String product,
        String environment,
        String release,
        String outcome,
        String buildRef,
        Map<String, Object> evidence)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public GovernanceEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(buildRef, "buildRef");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
