package io.jenkins.plugins.dataops.report;

import hudson.XmlFile;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dataops.engine.governance.report.JobVerifications;
import io.jenkins.plugins.dataops.engine.governance.report.RecordIndex;
import io.jenkins.plugins.dataops.engine.governance.report.RecordPageJson;
import io.jenkins.plugins.dataops.engine.governance.report.RecordQuery;
import io.jenkins.plugins.dataops.engine.governance.report.RecordSource;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import io.jenkins.plugins.dataops.model.JobChain;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.springframework.security.access.AccessDeniedException;

/**
 * The governance records of every job, for the cross-job report: in memory, the engine's {@link RecordIndex} of
 * small rows (job, build, sequence, time, product, environment, action, release, outcome, actor, build link);
 * on disk, one small file per job next to the job ({@link JobRecords}: the job's chain head and rows). Evidence
 * stays in the builds ({@link GovernanceRunAction}, the source of truth) and is loaded for the rows a page shows.
 *
 * <p>Rows enter the index when they are recorded ({@link #record}), so a migration waiting at an {@code input}
 * is visible at once. Each job has its own lock: builds of different jobs never wait for each other. Loading
 * after a start, and rebuilding, run in the background ({@link Timer}); the first start after an upgrade scans
 * every build once and writes each job's file.</p>
 */
public final class GovernanceIndex {
    private static final Logger LOGGER = Logger.getLogger(GovernanceIndex.class.getName());
    /** Present once every job's file has been written from its builds; without it, the next load scans. */
    private static final String SCANNED = GovernanceIndex.class.getName() + ".scanned";
    /** The whole-index file of earlier versions (up to tens of megabytes), removed after the first scan. */
    private static final String LEGACY = GovernanceIndex.class.getName() + ".xml";

    private static GovernanceIndex instance;
    private static WeakReference<Jenkins> owner = new WeakReference<>(null);

    private final RecordIndex rows = new RecordIndex();
    /** Each job's chain verdict, by the ledger's rules and, with a ledger key, every record's MAC. */
    private final JobVerifications verifications =
            new JobVerifications(JobChain.keyedCheck(job -> new BuildRecordStore(rows).macs(job)));

    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Future<?> loading;

    private GovernanceIndex() {}

    /**
     * Returns the index of this Jenkins; the first call starts loading it in the background.
     *
     * @return the index
     */
    public static synchronized GovernanceIndex get() {
        Jenkins jenkins = Jenkins.get();
        if (instance == null || owner.get() != jenkins) { // a new Jenkins in this JVM (tests, restarts) reloads
            GovernanceIndex index = new GovernanceIndex();
            boolean scan = !marker().exists();
            index.loading = Timer.get().submit(() -> index.load(scan));
            instance = index;
            owner = new WeakReference<>(jenkins);
        }
        return instance;
    }

    private static File marker() {
        return new File(Jenkins.get().getRootDir(), SCANNED);
    }

    /**
     * Tells whether the index is still loading after a start or a rebuild (pages say their rows may be few).
     *
     * @return true while loading
     */
    public boolean isLoading() {
        Future<?> task = loading;
        return task != null && !task.isDone();
    }

    /**
     * Chains a build's new records into its job's chain, stores them in the build and indexes them at once.
     * Holds the job's lock, so that concurrent builds of one job never fork its chain.
     *
     * @param run the build
     * @param raw the records as produced on the agent
     * @return the chained records
     * @throws IOException when the build or the job's index file cannot be saved
     */
    public List<GovernanceEntry> record(final Run<?, ?> run, final List<GovernanceEntry> raw) throws IOException {
        Job<?, ?> job = run.getParent();
        synchronized (lock(job.getFullName())) {
            JobRecords records = recordsOf(job);
            List<GovernanceEntry> chained = JobChain.chain(records.head(), raw);
            GovernanceRunAction.of(run).add(chained);
            records.append(run.getNumber(), chained);
            records.save(job);
            rows.add(JobRecords.rowsOf(job.getFullName(), run.getNumber(), chained));
            return chained;
        }
    }

    /** The job's file, or its builds scanned when it has none yet (the first record after an upgrade). */
    private static JobRecords recordsOf(final Job<?, ?> job) throws IOException {
        JobRecords records = JobRecords.read(job);
        return records != null ? records : JobRecords.scan(job);
    }

    private Object lock(final String job) {
        return locks.computeIfAbsent(job, name -> new Object());
    }

    /**
     * Drops a deleted build's rows; the job's chain keeps its head, so verification shows the gap. Returns at
     * once for a build without DataOps records.
     *
     * @param run the deleted build
     */
    public void forget(final Run<?, ?> run) {
        if (run.getAction(GovernanceRunAction.class) == null) {
            return;
        }
        Job<?, ?> job = run.getParent();
        synchronized (lock(job.getFullName())) {
            try {
                JobRecords records = JobRecords.read(job);
                if (records != null && records.removeBuild(run.getNumber())) {
                    records.save(job);
                }
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot update the DataOps index of " + job.getFullName(), e);
            }
            rows.removeBuild(job.getFullName(), run.getNumber());
        }
    }

    /**
     * Follows a job (or folder) that was renamed or moved: its file moved with its directory, its rows follow.
     *
     * @param oldFullName the former full name
     * @param newFullName the full name now
     */
    public void moveJob(final String oldFullName, final String newFullName) {
        rows.moveJob(oldFullName, newFullName);
        locks.remove(oldFullName);
    }

    /**
     * Drops the rows of a deleted job or folder (its builds and its file are gone with its directory), so a new
     * job created under the same name never shows the old job's records to its own readers.
     *
     * @param fullName the full name of the deleted job or folder
     */
    public void forgetJob(final String fullName) {
        rows.removeJob(fullName);
    }

    /** Rebuilds every job's file from its builds, in the background (after restoring builds from a backup). */
    public void rebuild() {
        verifications.clear();
        loading = Timer.get().submit(() -> load(true));
    }

    /**
     * Reads every job's file (or, when {@code scan}, every job's builds) into the index. As SYSTEM: the index
     * serves every viewer, and pages filter by the viewer's permissions.
     */
    private void load(final boolean scan) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                loadJob(job, scan);
            }
            if (scan) {
                writeMarker();
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot load the DataOps governance index; POST dataops-governance/rebuild", e);
        }
    }

    private void loadJob(final Job<?, ?> job, final boolean scan) {
        synchronized (lock(job.getFullName())) {
            try {
                JobRecords records = scan ? JobRecords.scan(job) : JobRecords.read(job);
                if (records != null) {
                    if (scan && !records.rows(job.getFullName()).isEmpty()) {
                        records.save(job);
                    }
                    rows.replaceJob(job.getFullName(), records.rows(job.getFullName()));
                }
            } catch (IOException e) {
                LOGGER.log(
                        Level.WARNING,
                        "Cannot read the DataOps index of " + job.getFullName()
                                + "; POST dataops-governance/rebuild to rebuild it from the builds",
                        e);
            }
        }
    }

    private static void writeMarker() {
        try {
            new XmlFile(Jenkins.XSTREAM2, marker()).write(Boolean.TRUE);
            File legacy = new File(Jenkins.get().getRootDir(), LEGACY);
            if (legacy.exists() && !legacy.delete()) {
                LOGGER.warning("Cannot delete the former DataOps index " + legacy + "; delete it by hand");
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot note that the DataOps index was built; the next start scans again", e);
        }
    }

    /**
     * Writes one page of the records the current user may read as the engine's page JSON: filtered and paged
     * here, evidence loaded from the builds of the page's rows, each job on the page verified.
     *
     * @param query the filters, offset and limit
     * @param out   where the JSON goes
     * @throws IOException when writing fails
     */
    public void writePage(final RecordQuery query, final Writer out) throws IOException {
        new RecordPageJson(verifications)
                .write(rows.page(query, GovernanceIndex::canRead), new BuildRecordStore(rows), out);
    }

    /**
     * Returns the records the current user may read, without evidence, for the page's summary and timelines.
     *
     * @return the source
     */
    public RecordSource summary() {
        return rows.summarySource(GovernanceIndex::canRead);
    }

    /**
     * Returns every record the current user may read, with evidence, loaded build by build as it streams.
     *
     * @return the source
     */
    public RecordSource export() {
        return rows.exportSource(GovernanceIndex::canRead, new BuildRecordStore(rows));
    }

    /**
     * Counts the records the current user may read.
     *
     * @return the count
     */
    public long count() {
        return rows.page(RecordQuery.newest(), GovernanceIndex::canRead).total();
    }

    static boolean canRead(final String fullName) {
        try {
            Job<?, ?> job = Jenkins.get().getItemByFullName(fullName, Job.class);
            return job != null && job.hasPermission(Item.READ);
        } catch (AccessDeniedException e) {
            return false; // the user may discover the job but not read it
        }
    }
}
