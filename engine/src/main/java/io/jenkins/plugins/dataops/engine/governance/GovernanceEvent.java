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
 * @param action      the wire name of an {@link Action}, e.g. {@code migrate}
 * @param product     the data product
 * @param environment the environment (empty for product-wide actions)
 * @param release     the release tag (empty when none applies)
 * @param outcome     the wire name of an {@link Outcome}, e.g. {@code refused}
 * @param buildRef    the build that did it (Jenkins build URL, or {@code cli})
 * @param evidence    the evidence, keyed by {@link EvidenceKeys}: changesets with checksums, plan summary, check
 *                    results, gates, approval
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

    /**
     * Builds an event from the engine's vocabulary; the record holds the wire names, see {@link Action}.
     *
     * @param actor       who did it
     * @param action      what was done
     * @param product     the data product
     * @param environment the environment (empty for product-wide actions)
     * @param release     the release tag (empty when none applies)
     * @param outcome     how it ended
     * @param buildRef    the build that did it (Jenkins build URL, or {@code cli})
     * @param evidence    the evidence, keyed by {@link EvidenceKeys}
     */
    public GovernanceEvent(
            final String actor,
            final Action action,
            final String product,
            final String environment,
            final String release,
            final Outcome outcome,
            final String buildRef,
            final Map<String, Object> evidence) {
        this(actor, action.wireName(), product, environment, release, outcome.wireName(), buildRef, evidence);
    }

    /**
     * Returns the same event with other evidence (e.g. the evidence plus where the record was collected from).
     *
     * @param otherEvidence the evidence
     * @return the event
     */
    public GovernanceEvent withEvidence(final Map<String, Object> otherEvidence) {
        return new GovernanceEvent(actor, action, product, environment, release, outcome, buildRef, otherEvidence);
    }
}
