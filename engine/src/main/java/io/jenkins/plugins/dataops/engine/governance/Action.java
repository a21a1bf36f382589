package io.jenkins.plugins.dataops.engine.governance;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a governance record says was done. Each constant carries its wire name, the exact text the ledger, the
 * release history and Jenkins' build records hold, so ledgers written before this type existed read unchanged.
 * Records keep the wire name as a string: a ledger written by a newer engine with an action unknown here still
 * reads, verifies and renders.
 */
public enum Action {
    /** An environment's resources were created or updated. */
    PROVISION("provision"),
    /** An environment's resources were removed. */
    DESTROY("destroy"),
    /** An ephemeral environment was created (with its expiry). */
    EPHEMERAL_CREATE("ephemeral-create"),
    /** An ephemeral environment was destroyed (by hand or by {@code gc}). */
    EPHEMERAL_DESTROY("ephemeral-destroy"),
    /** Schema changes were applied to an environment. */
    MIGRATE("migrate"),
    /** Data tests ran against an environment. */
    TEST("test"),
    /** A release was promoted to the next environment. */
    PROMOTE("promote"),
    /** The post-deploy data tests of a promotion failed. */
    PROMOTE_VERIFICATION("promote-verification"),
    /** An environment went back to an earlier release. */
    ROLLBACK("rollback"),
    /** A stale environment lock was taken over. */
    RELEASE_LOCK("release-lock");

    private final String wireName;

    Action(final String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the text records hold.
     *
     * @return e.g. {@code ephemeral-create}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Tells whether a recorded action text is this action.
     *
     * @param text an action as recorded
     * @return whether it is this one's wire name
     */
    public boolean matches(final String text) {
        return wireName.equals(text);
    }

    /**
     * Finds the action of a recorded text.
     *
     * @param text an action as recorded
     * @return the action, or empty when this engine does not know it
     */
    public static Optional<Action> fromWire(final String text) {
        return Arrays.stream(values()).filter(a -> a.matches(text)).findFirst();
    }

    /**
     * Returns the wire names of some actions, for matching recorded texts.
     *
     * @param actions the actions
     * @return their wire names
     */
    public static Set<String> wireNames(final Action... actions) {
        return Arrays.stream(actions).map(Action::wireName).collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the wire name, so that messages and format strings show what the ledger holds. */
    @Override
    public String toString() {
        return wireName;
    }
}
