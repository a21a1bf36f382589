package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.migrate.MigrationResult;
import io.jenkins.plugins.dataops.engine.release.Gate;
import io.jenkins.plugins.dataops.engine.release.Verification;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What a successful {@link DataOps#promote} did.
 *
 * @param release      the release tag
 * @param from         the source environment
 * @param to           the target environment
 * @param fingerprint  the release fingerprint
 * @param approvedBy   who approved (empty when nobody had to)
 * @param gates        every gate with its evidence
 * @param applied      the changesets applied to the target
 * @param verification the target's post-deploy data tests
 */
public record PromoteResult(
        String release,
        String from,
        String to,
        String fingerprint,
        String approvedBy,
        List<Gate> gates,
        MigrationResult applied,
        Verification verification)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public PromoteResult {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(approvedBy, "approvedBy");
        gates = List.copyOf(gates);
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(verification, "verification");
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code release, from, to, fingerprint, approvedBy, gates, applied}, {@code verification} (its
     *     summary), {@code verificationDetails} (passed, summary, evidence), {@code changeSets} (the count) and
     *     {@code approver} (the same as {@code approvedBy})
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.mapOf(this);
        PlainValues.putVerification(map, verification);
        map.put("changeSets", applied.changeSets().size());
        map.put("approver", approvedBy);
        return map;
    }
}
