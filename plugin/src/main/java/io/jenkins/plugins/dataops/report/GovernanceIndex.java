package io.jenkins.plugins.dataops.report;

import hudson.XmlFile;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dataops.model.ChainHead;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.GovernanceRunAction;
import io.jenkins.plugins.dataops.model.JobChain;
import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * A derived, rebuildable index of the governance records of every job, so the cross-job report never loads
 * builds: one row per record (a copy of it with its job and build number) and each job's chain head. Kept in
 * {@code $JENKINS_HOME/io.jenkins.plugins.dataops.report.GovernanceIndex.xml}, updated by
 * {@link GovernanceIndexListener}; when the file is missing it is rebuilt from the build records
 * ({@link GovernanceRunAction}), which stay the source of truth.
 */
public final class GovernanceIndex {
    private static final Logger LOGGER = Logger.getLogger(GovernanceIndex.class.getName());
    /** The most rows kept; older records stay available in their builds. */
    static final int MAX_ROWS = 20_000;

    private static GovernanceIndex instance;
    private static WeakReference<Jenkins> owner = new WeakReference<>(null);

    private final LinkedHashMap<String, ChainHead> heads = new LinkedHashMap<>();
    private final ArrayList<IndexedEntry> rows = new ArrayList<>();

    private GovernanceIndex() {}

    /**
     * Returns the index, loading or rebuilding it on first use.
     *
     * @return the index
     */
    public static synchronized GovernanceIndex get() {
        Jenkins jenkins = Jenkins.get();
        if (instance == null || owner.get() != jenkins) { // a new Jenkins in this JVM (tests, restarts) reloads
            instance = load();
            owner = new WeakReference<>(jenkins);
        }
        return instance;
    }

    private static XmlFile file() {
        return new XmlFile(
                Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), GovernanceIndex.class.getName() + ".xml"));
    }

    private static GovernanceIndex load() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                return (GovernanceIndex) file.read();
            } catch (IOException | ClassCastException e) {
                LOGGER.log(Level.WARNING, "Cannot read the DataOps governance index; rebuilding it from the builds", e);
            }
        }
        GovernanceIndex index = new GovernanceIndex();
        index.rebuild();
        return index;
    }

    /**
     * Chains a build's new records into its job's chain, stores them in the build and moves the job's head.
     * Synchronized so that concurrent builds of one job never fork its chain.
     *
     * @param run the build
     * @param raw the records as produced on the agent
     * @return the chained records
     * @throws IOException when the build or the index cannot be saved
     */
    public synchronized List<GovernanceEntry> record(final Run<?, ?> run, final List<GovernanceEntry> raw)
            throws IOException {
        String job = run.getParent().getFullName();
        List<GovernanceEntry> chained = JobChain.chain(heads.getOrDefault(job, ChainHead.EMPTY), raw);
        GovernanceRunAction.of(run).add(chained);
        heads.put(job, JobChain.headAfter(heads.getOrDefault(job, ChainHead.EMPTY), chained));
        save();
        return chained;
    }

    /**
     * Puts a build's records into the index (replacing rows it already had).
     *
     * @param run the build
     */
    public synchronized void index(final Run<?, ?> run) {
        if (addRows(run)) {
            save();
        }
    }

    private boolean addRows(final Run<?, ?> run) {
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        if (action == null) {
            return false;
        }
        String job = run.getParent().getFullName();
        int number = run.getNumber();
        rows.removeIf(row -> row.getJob().equals(job) && row.getBuild() == number);
        for (GovernanceEntry entry : action.getEntries()) {
            rows.add(new IndexedEntry(job, number, entry));
            ChainHead head = heads.getOrDefault(job, ChainHead.EMPTY);
            if (entry.getSequence() > head.getSequence()) {
                heads.put(job, new ChainHead(entry));
            }
        }
        rows.sort(Comparator.comparingLong((IndexedEntry row) -> row.getEntry().getTimeMillis()));
        while (rows.size() > MAX_ROWS) {
            rows.remove(0);
        }
        return true;
    }

    /**
     * Drops a deleted build's rows; the job's chain keeps its head, so verification shows the gap.
     *
     * @param run the deleted build
     */
    public synchronized void forget(final Run<?, ?> run) {
        String job = run.getParent().getFullName();
        if (rows.removeIf(row -> row.getJob().equals(job) && row.getBuild() == run.getNumber())) {
            save();
        }
    }

    /**
     * Follows a job that was renamed or moved: its rows and chain head go with it, so the records stay visible
     * to whoever may read the job under its new name.
     *
     * @param oldFullName the job's former full name
     * @param newFullName its full name now
     */
    public synchronized void moveJob(final String oldFullName, final String newFullName) {
        boolean changed = false;
        for (ListIterator<IndexedEntry> it = rows.listIterator(); it.hasNext(); ) {
            IndexedEntry row = it.next();
            if (row.getJob().equals(oldFullName)) {
                it.set(new IndexedEntry(newFullName, row.getBuild(), row.getEntry()));
                changed = true;
            }
        }
        ChainHead head = heads.remove(oldFullName);
        if (head != null) {
            heads.put(newFullName, head);
            changed = true;
        }
        if (changed) {
            save();
        }
    }

    /**
     * Drops the rows of a deleted job or folder (its builds, the source of truth, are gone with it). Without
     * this, a new job created under the same name would show the old job's records to its own readers.
     *
     * @param fullName the full name of the deleted job or folder
     */
    public synchronized void forgetJob(final String fullName) {
        String prefix = fullName + "/";
        boolean changed = rows.removeIf(
                row -> row.getJob().equals(fullName) || row.getJob().startsWith(prefix));
        changed |= heads.keySet().removeIf(job -> job.equals(fullName) || job.startsWith(prefix));
        if (changed) {
            save();
        }
    }

    /** Rebuilds the index from the build records of every job (as SYSTEM: the index serves every viewer). */
    public synchronized void rebuild() {
        heads.clear();
        rows.clear();
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                for (Run<?, ?> run : job.getBuilds()) {
                    addRows(run);
                }
            }
        }
        save();
    }

    /**
     * Returns the rows of every job the current user may read, newest first.
     *
     * @param limit the most rows to return
     * @return the rows
     */
    public synchronized List<IndexedEntry> visibleRows(final int limit) {
        Map<String, Boolean> readable = new HashMap<>();
        List<IndexedEntry> visible = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0 && visible.size() < limit; i--) {
            IndexedEntry row = rows.get(i);
            if (readable.computeIfAbsent(row.getJob(), GovernanceIndex::canRead)) {
                visible.add(row);
            }
        }
        return visible;
    }

    private static boolean canRead(final String fullName) {
        try {
            Job<?, ?> job = Jenkins.get().getItemByFullName(fullName, Job.class);
            return job != null && job.hasPermission(Item.READ);
        } catch (AccessDeniedException e) {
            return false; // the user may discover the job but not read it
        }
    }

    private void save() {
        try {
            file().write(this);
        } catch (IOException e) {
            LOGGER.log(
                    Level.WARNING, "Cannot save the DataOps governance index; it will be rebuilt from the builds", e);
        }
    }
}
