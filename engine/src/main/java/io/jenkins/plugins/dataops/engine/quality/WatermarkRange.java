package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which rows the run of an incremental suite checked: its row-level checks saw the rows whose column is greater
 * than {@code after} (every row when {@code after} is empty: a full run), and the newest value seen in that same
 * query, {@code upTo}, is the watermark the next run may start from.
 *
 * @param suite  the suite
 * @param column the incremental column
 * @param after  the watermark the run started from; empty for a full run
 * @param upTo   the newest value of the column the run's checks saw; empty when the query saw no row with a value
 *               (then the watermark stays {@code after}) or could not be run
 */
public record WatermarkRange(String suite, String column, String after, String upTo) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public WatermarkRange {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(upTo, "upTo");
    }

    /** @return true when the run checked the changed rows only */
    public boolean isIncremental() {
        return !after.isEmpty();
    }

    /**
     * Returns the watermark the next run starts from: the newest value seen, else the one this run started from.
     *
     * @return the watermark, empty when the table had no value at all
     */
    public String next() {
        return upTo.isEmpty() ? after : upTo;
    }

    /**
     * Describes the rows a check of this suite looked at.
     *
     * @param changedOnly whether the check was limited to the changed rows
     * @return e.g. {@code rows with updated_at > '2026-01-01T00:00' (up to '2026-01-02T08:00')} or
     *     {@code all rows}
     */
    public String describe(final boolean changedOnly) {
        if (!changedOnly) {
            return "all rows";
        }
        return "rows with %s > '%s'%s"
                .formatted(column, after, upTo.isEmpty() ? " (none changed)" : " (up to '" + upTo + "')");
    }

    /**
     * Returns the JSON form.
     *
     * @return {@code suite, column, incremental, after, upTo}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("suite", suite);
        map.put("column", column);
        map.put("incremental", isIncremental());
        map.put("after", after);
        map.put("upTo", upTo);
        return map;
    }
}
