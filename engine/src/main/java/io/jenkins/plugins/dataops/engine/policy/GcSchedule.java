package io.jenkins.plugins.dataops.engine.policy;

import io.jenkins.plugins.dataops.engine.kernel.Identities;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a front end starts periodic garbage collection, and of what: the administrator names the jobs whose
 * Pipeline calls {@code dataOpsGc} (one full name per line, folders separated by {@code /}) and an interval in
 * minutes, 0 for off. A front end schedules a job, not a bare call, because gc needs the product's spec, its
 * credentials and an agent, and its records need a build.
 *
 * @param jobs            the job full names, in the order given, each once
 * @param intervalMinutes minutes between two runs; 0 for off
 */
public record GcSchedule(List<String> jobs, int intervalMinutes) {
    /** The longest interval: a week. */
    public static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    /** The characters a Jenkins item name may not hold (besides the folder separator). */
    private static final Pattern UNSAFE_NAME = Pattern.compile("[\\\\?*%!@#$^&|<>\\[\\]:;\"'\\p{Cntrl}]");

    /** Off: no job, no interval. */
    public static final GcSchedule OFF = new GcSchedule(List.of(), 0);

    /**
     * Creates a schedule, checking both values.
     *
     * @param jobs            the job full names
     * @param intervalMinutes minutes between two runs; 0 for off
     * @throws InvalidInputException for an interval out of range or an invalid job name
     */
    public GcSchedule {
        jobs = List.copyOf(new LinkedHashSet<>(jobs));
        jobs.forEach(GcSchedule::requireJobName);
        requireInterval(intervalMinutes);
    }

    /**
     * Parses the administrator's job list: one full name per line (commas separate too), blanks ignored.
     *
     * @param text the list, may be null
     * @return the names in order, each once
     * @throws InvalidInputException for a name that cannot be a Jenkins job's full name
     */
    public static List<String> parseJobs(final String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split("[,\\r\\n]+")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(requireJobName(name));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Checks a job's full name.
     *
     * @param name the name, such as {@code data/customer-gc}
     * @return the name
     * @throws InvalidInputException naming the value and what to do
     */
    public static String requireJobName(final String name) {
        Identities.requirePrintable("gcJobs entry", String.valueOf(name));
        String problem = problemOf(name);
        if (problem != null) {
            throw new InvalidInputException(
                    "gcJobs entry '%s' %s; give the full name of a job, such as 'folder/gc-job'."
                            .formatted(Identities.printable(String.valueOf(name)), problem));
        }
        return name;
    }

    private static String problemOf(final String name) {
        if (name == null || name.isBlank()) {
            return "is blank";
        }
        if (UNSAFE_NAME.matcher(name).find()) {
            return "holds a character a Jenkins job name may not hold";
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isBlank() || ".".equals(segment) || "..".equals(segment)) {
                return "has an empty, '.' or '..' folder part";
            }
        }
        return null;
    }

    /**
     * Checks an interval.
     *
     * @param minutes minutes between two runs; 0 for off
     * @return the minutes
     * @throws InvalidInputException when out of range, saying the range
     */
    public static int requireInterval(final int minutes) {
        if (minutes < 0 || minutes > MAX_INTERVAL_MINUTES) {
            throw new InvalidInputException(String.format(
                    Locale.ROOT,
                    "gcIntervalMinutes %d is out of range; use 0 (off) or 1 to %d minutes.",
                    minutes,
                    MAX_INTERVAL_MINUTES));
        }
        return minutes;
    }

    /**
     * Says whether a run is due.
     *
     * @param lastStartMillis when the last run started, negative for never (since the front end started)
     * @param nowMillis       now
     * @return false when off or no job is named; true when never run or the interval has passed
     */
    public boolean isDue(final long lastStartMillis, final long nowMillis) {
        if (intervalMinutes == 0 || jobs.isEmpty()) {
            return false;
        }
        return lastStartMillis < 0 || nowMillis - lastStartMillis >= intervalMinutes * 60_000L;
    }
}
