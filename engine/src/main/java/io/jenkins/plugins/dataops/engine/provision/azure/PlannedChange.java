package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;

/**
 * One line of a plan with the write that carries it out.
 *
 * @param change   what the plan shows
 * @param progress the progress line printed before the write
 * @param write    the requests that make the change; does nothing for a no-op
 */
record PlannedChange(ResourceChange change, String progress, Runnable write) {
    private static final Runnable NOTHING = () -> {};

    static PlannedChange noOp(final String type, final String name, final String detail) {
        return new PlannedChange(new ResourceChange(type, name, ChangeAction.NO_OP, detail), "", NOTHING);
    }

    static PlannedChange of(final ResourceChange change, final String progress, final Runnable write) {
        return new PlannedChange(change, progress, write);
    }

    boolean writes() {
        return change.action() != ChangeAction.NO_OP;
    }
}
