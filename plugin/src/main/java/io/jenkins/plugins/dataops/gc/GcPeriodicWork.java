package io.jenkins.plugins.dataops.gc;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.policy.GcSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Periodic garbage collection: every minute it asks the engine's {@link GcSchedule} whether the configured
 * interval has passed and, if so, schedules a build of each configured gc job with a {@link GcCause}. A job, not
 * a bare engine call, because gc needs the product's spec, its credentials and an agent, and its records need a
 * build. A job already queued or building is skipped; a missing or unbuildable job is logged, not thrown. The
 * first check after a start runs gc at once (the last run is not saved).
 */
@Extension
public class GcPeriodicWork extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(GcPeriodicWork.class.getName());

    /** When the last round started, -1 before the first since the controller started. */
    private volatile long lastStartMillis = -1;

    /** Registers the work (Jenkins creates it). */
    public GcPeriodicWork() {
        super("DataOps garbage collection");
    }

    @Override
    public long getRecurrencePeriod() {
        // The interval is configurable but the period must stay fixed: check every minute whether a round is due.
        return TimeUnit.MINUTES.toMillis(1);
    }

    @Override
    protected void execute(final TaskListener listener) {
        GcSchedule schedule;
        try {
            schedule = DataOpsConfiguration.get().gcSchedule();
        } catch (DataOpsException e) {
            LOGGER.warning("DataOps garbage collection is off until the configuration is fixed: " + e.getMessage());
            return;
        }
        long now = System.currentTimeMillis();
        if (schedule.isDue(lastStartMillis, now)) {
            lastStartMillis = now;
            scheduleRound(schedule, listener);
        }
    }

    /**
     * Schedules a build of each gc job of a schedule that is due.
     *
     * @param schedule the schedule
     * @param listener where to say what was scheduled and what not
     * @return the names of the jobs scheduled
     */
    List<String> scheduleRound(final GcSchedule schedule, final TaskListener listener) {
        List<String> scheduled = new ArrayList<>();
        for (String name : schedule.jobs()) {
            String skipped = scheduleBuild(name, schedule.intervalMinutes());
            if (skipped == null) {
                scheduled.add(name);
                listener.getLogger().println("Scheduled a build of " + name + ".");
            } else {
                LOGGER.log(
                        Level.WARNING, "DataOps garbage collection did not build {0}: {1}", new Object[] {name, skipped
                        });
                listener.getLogger().println("Did not build " + name + ": " + skipped);
            }
        }
        return scheduled;
    }

    /** Schedules one build; returns why not, or null when scheduled. */
    private static String scheduleBuild(final String name, final int intervalMinutes) {
        Job<?, ?> job = Jenkins.get().getItemByFullName(name, Job.class);
        if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob) || !(job instanceof Queue.Task task)) {
            return "no buildable job has that name; correct gcJobs in Manage Jenkins, System, DataOps.";
        }
        if (Jenkins.get().getQueue().contains(task) || job.isBuilding()) {
            return "it is already queued or building (the earlier round is not over).";
        }
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(job, -1, new CauseAction(new GcCause(intervalMinutes)));
        return item == null ? "Jenkins refused to schedule it (disabled?)." : null;
    }
}
