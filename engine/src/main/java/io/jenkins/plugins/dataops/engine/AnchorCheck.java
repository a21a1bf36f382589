package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What {@code verify-ledger} found in one environment's release history: how many rows name a ledger record,
 * and which of those records the ledger does not hold (it was deleted, cut short or replaced).
 *
 * @param environment    the environment
 * @param checked        false when the history could not be read (not provisioned, unreachable)
 * @param anchoredRows   how many rows name a ledger record
 * @param missingRecords the sequences named by rows but absent from the ledger (or present with another hash)
 * @param note           why it was not checked, empty when it was
 */
public record AnchorCheck(String environment, boolean checked, int anchoredRows, List<Long> missingRecords, String note)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public AnchorCheck {
        Objects.requireNonNull(environment, "environment");
        missingRecords = List.copyOf(missingRecords);
        Objects.requireNonNull(note, "note");
    }

    /**
     * Tells whether the environment names records the ledger lacks.
     *
     * @return true when a record is missing
     */
    public boolean broken() {
        return !missingRecords.isEmpty();
    }

    /**
     * Describes a broken environment in one sentence.
     *
     * @return e.g. "Environment 'prod' holds history rows naming 3 ledger record(s) the ledger does not hold ..."
     */
    public String describe() {
        List<String> shown = missingRecords.stream().limit(5).map(s -> "#" + s).toList();
        return ("Environment '%s' holds history rows naming %d ledger record(s) the ledger does not hold (%s%s): "
                        + "the ledger was deleted, cut short or replaced; restore it from a backup.")
                .formatted(
                        environment,
                        missingRecords.size(),
                        String.join(", ", shown),
                        missingRecords.size() > shown.size() ? ", ..." : "");
    }
}
