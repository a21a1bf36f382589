package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The releases an environment went through, as a stack: a migrate or promote to a new release pushes it, a
 * rollback pops back to the release it names. "The previous release" is the one below the top, so rolling
 * back twice goes back two releases, not back and forth.
 */
public final class ReleaseStack {
    private final List<String> stack = new ArrayList<>();

    /**
     * Builds the stack from a history.
     *
     * @param entries the history, oldest first
     * @return the stack
     */
    public static ReleaseStack of(final List<HistoryEntry> entries) {
        ReleaseStack releases = new ReleaseStack();
        for (HistoryEntry entry : entries) {
            Optional<Action> action = Action.fromWire(entry.action());
            if (!Outcome.SUCCESS.matches(entry.outcome()) || entry.release().isEmpty() || action.isEmpty()) {
                continue;
            }
            switch (action.get()) {
                case MIGRATE, PROMOTE -> releases.push(entry.release());
                case ROLLBACK -> releases.popTo(entry.release());
                default -> {
                    // tests and provisioning do not change the release
                }
            }
        }
        return releases;
    }

    private void push(final String release) {
        if (stack.isEmpty() || !stack.get(stack.size() - 1).equals(release)) {
            stack.add(release);
        }
    }

    private void popTo(final String release) {
        while (!stack.isEmpty() && !stack.get(stack.size() - 1).equals(release)) {
            stack.remove(stack.size() - 1);
        }
        if (stack.isEmpty()) {
            stack.add(release);
        }
    }

    /**
     * Returns the release the environment runs.
     *
     * @return the top, empty when nothing was applied
     */
    public Optional<String> current() {
        return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(stack.size() - 1));
    }

    /**
     * Returns the release it ran before the current one.
     *
     * @return the one below the top, empty when there is none
     */
    public Optional<String> previous() {
        return stack.size() < 2 ? Optional.empty() : Optional.of(stack.get(stack.size() - 2));
    }
}
