package io.jenkins.plugins.dataops.gc;

import hudson.model.Cause;
import java.util.Objects;

/** Why a build started: DataOps garbage collection scheduled it (see {@link GcPeriodicWork}). */
public final class GcCause extends Cause {
    private final int intervalMinutes;

    /**
     * Creates the cause.
     *
     * @param intervalMinutes the configured interval, for the build page
     */
    public GcCause(final int intervalMinutes) {
        this.intervalMinutes = intervalMinutes;
    }

    public int getIntervalMinutes() {
        return intervalMinutes;
    }

    @Override
    public String getShortDescription() {
        return "Started by DataOps garbage collection (every %d minute(s), Manage Jenkins, System, DataOps)"
                .formatted(intervalMinutes);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof GcCause cause && cause.intervalMinutes == intervalMinutes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(GcCause.class, intervalMinutes);
    }
}
