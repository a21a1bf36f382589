package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DataOps#verifyLedger} found.
 *
 * @param verification intact, or the first broken record
 * @param anchors      per declared environment: the ledger records its history rows name, and which are missing
 */
public record VerifyLedgerResult(LedgerVerification verification, List<AnchorCheck> anchors) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public VerifyLedgerResult {
        Objects.requireNonNull(verification, "verification");
        anchors = List.copyOf(anchors);
    }

    /**
     * Tells whether the chain is intact and every record an environment's history names is in the ledger.
     *
     * @return true when both hold
     */
    public boolean intact() {
        return verification.intact() && anchors.stream().noneMatch(AnchorCheck::broken);
    }

    /**
     * Describes the verification in one line.
     *
     * @return e.g. {@code Ledger intact: 12 records verified.}
     */
    public String describe() {
        StringBuilder text = new StringBuilder(verification.describe());
        anchors.stream()
                .filter(AnchorCheck::broken)
                .forEach(a -> text.append(' ').append(a.describe()));
        long checked = anchors.stream().filter(AnchorCheck::checked).count();
        if (!anchors.isEmpty() && intact()) {
            text.append(" History rows of %d environment(s) name only records the ledger holds.".formatted(checked));
        }
        if (!verification.keyed() && verification.records() > 0) {
            text.append(" No ledger key is set: the chain detects accidents, not someone with write access to the"
                    + " ledger (set DATAOPS_LEDGER_KEY).");
        }
        return text.toString();
    }

    /**
     * Returns the value both front ends show.
     *
     * @return {@code intact} (chain and anchors), {@code records, firstBroken, problem, chainIntact, anchors,
     *     description}
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = PlainValues.mapOf(verification);
        map.put("intact", intact());
        map.put("chainIntact", verification.intact());
        map.put(
                "anchors",
                new java.util.ArrayList<>(
                        anchors.stream().map(PlainValues::mapOf).toList()));
        map.put("description", describe());
        return map;
    }
}
