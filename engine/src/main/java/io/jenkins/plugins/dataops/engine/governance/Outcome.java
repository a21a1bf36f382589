package io.jenkins.plugins.dataops.engine.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How an operation ended, as a governance record says. Each constant carries its wire name (the text the ledger
 * holds) and its {@link Kind}, which the report uses to colour it. Records keep the wire name as a string:
 * {@link #kindOf(String)} also classifies texts that this engine never writes (another writer's ledger, a newer
 * engine), so such a record still renders.
 */
public enum Outcome {
    /** The operation did what was asked. */
    SUCCESS("success", Kind.OK),
    /** Data tests ran and no check breached the failure threshold. */
    PASSED("passed", Kind.OK),
    /** The operation failed (or its data tests breached the threshold). */
    FAILED("failed", Kind.FAILURE),
    /** The operation was refused before it changed anything (a gate, a lock, a policy). */
    REFUSED("refused", Kind.FAILURE),
    /** A drift check found the environment as its changelog says. */
    CLEAN("clean", Kind.OK),
    /** A drift check found the environment different from its changelog. */
    DRIFTED("drifted", Kind.WARNING),
    /** A changing operation is about to start: written before it touches anything, settled by its outcome. */
    INTENT("intent", Kind.WARNING),
    /**
     * An intent found without an outcome on a later run (the process was killed), reconciled from what the
     * environment holds.
     */
    INTERRUPTED("interrupted", Kind.FAILURE),
    /** The operation could not run at all (e.g. data tests that cannot connect). */
    ERROR("error", Kind.FAILURE);

    /** Texts not written by this engine that still mean a failure. */
    private static final Set<String> OTHER_FAILURES = Set.of("failure", "fail");
    /** Texts not written by this engine that mean it worked with a caveat. */
    private static final Set<String> OTHER_WARNINGS = Set.of("warn", "warning", "unstable", "skipped");

    private final String wireName;
    private final Kind kind;

    Outcome(final String wireName, final Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /**
     * Returns the text records hold.
     *
     * @return e.g. {@code refused}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns how the report colours this outcome.
     *
     * @return its kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Tells whether a recorded outcome text is this outcome.
     *
     * @param text an outcome as recorded
     * @return whether it is this one's wire name
     */
    public boolean matches(final String text) {
        return wireName.equals(text);
    }

    /**
     * Finds the outcome of a recorded text.
     *
     * @param text an outcome as recorded
     * @return the outcome, or empty when this engine does not write it
     */
    public static Optional<Outcome> fromWire(final String text) {
        return Arrays.stream(values()).filter(o -> o.matches(text)).findFirst();
    }

    /**
     * Classifies any outcome text, ignoring case: this engine's outcomes by their kind, {@code failure} and
     * {@code error} as failures, {@code warn}, {@code warning}, {@code unstable} and {@code skipped} as warnings,
     * anything else as OK.
     *
     * @param text an outcome as recorded
     * @return its kind
     */
    public static Kind kindOf(final String text) {
        for (Outcome outcome : values()) {
            if (outcome.matches(text)) {
                return outcome.kind; // the common case, without allocating
            }
        }
        String key = text.trim().toLowerCase(Locale.ROOT);
        Optional<Outcome> known = fromWire(key);
        if (known.isPresent()) {
            return known.get().kind;
        }
        if (OTHER_FAILURES.contains(key)) {
            return Kind.FAILURE;
        }
        return OTHER_WARNINGS.contains(key) ? Kind.WARNING : Kind.OK;
    }

    /** Returns the wire name, so that messages and format strings show what the ledger holds. */
    @Override
    public String toString() {
        return wireName;
    }

    /** How the report colours an outcome. */
    public enum Kind {
        /** Worked. */
        OK,
        /** Worked with a caveat. */
        WARNING,
        /** Did not work. */
        FAILURE;

        /**
         * Returns the CSS class of this kind.
         *
         * @return {@code dor-ok}, {@code dor-warn} or {@code dor-fail}
         */
        public String cssClass() {
            return switch (this) {
                case OK -> "dor-ok";
                case WARNING -> "dor-warn";
                case FAILURE -> "dor-fail";
            };
        }
    }
}
