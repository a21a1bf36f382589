package io.jenkins.plugins.dataops.engine.impact;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A data-test check that a pending schema change concerns.
 *
 * @param change    the change, as {@code SchemaChange#describe()} words it
 * @param changeSet the changeset that makes it
 * @param suiteFile the suite file of the check
 * @param check     the check's name
 * @param line      the check's line in its suite file
 * @param verdict   whether the check breaks, follows the change, or needs a look
 */
public record CheckImpact(String change, String changeSet, String suiteFile, String check, int line, Verdict verdict)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What the change does to the check. */
    public enum Verdict {
        /** The check names what the change drops or renames (or expects the old type): it will fail. */
        BREAKS,
        /** The check names the new name (or expects the new type): its suite was updated with the release. */
        FOLLOWED,
        /** The check reads a column whose type changes: it still runs, but its thresholds may deserve a look. */
        REVIEW;

        /** @return the lower-case form used in maps and output */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the parts. */
    public CheckImpact {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(suiteFile, "suiteFile");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** @return e.g. {@code checks/customer.yaml:12 check 'not_null_email' breaks: drop column customer.email} */
    public String describe() {
        return "%s:%d check '%s' %s: %s (changeset %s)"
                .formatted(suiteFile, line, check, verdict.label(), change, changeSet);
    }

    /** @return the impact as a map of strings and numbers */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("change", change);
        map.put("changeSet", changeSet);
        map.put("suite", suiteFile);
        map.put("check", check);
        map.put("line", line);
        map.put("verdict", verdict.label());
        return map;
    }
}
