package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.dataops.credentials.LedgerKeys;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.policy.KeyedChains;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The governance records of one build: the source of truth for the plugin's ledger (the cross-job index is
 * derived from these and can be rebuilt). Shown as a summary on the build page and as a report page at
 * {@code <build>/dataops/}. Persisted in {@code build.xml} as plain {@link GovernanceEntry} objects.
 */
public class GovernanceRunAction implements RunAction2 {
    /** The URL of the build-level report. */
    public static final String URL_NAME = "dataops";

    private final List<GovernanceEntry> entries = new ArrayList<>();

    /**
     * Record hash to its HMAC under the ledger key, for records chained while a key was configured. Concurrent:
     * {@code Run.save()} serializes it under the run's lock, not this action's. Null in builds saved before.
     */
    @CheckForNull
    private ConcurrentHashMap<String, String> macs;

    private transient Run<?, ?> run;

    /**
     * Returns the action of a build, attaching an empty one when it has none yet.
     *
     * @param run the build
     * @return its action
     */
    public static synchronized GovernanceRunAction of(final Run<?, ?> run) {
        GovernanceRunAction action = run.getAction(GovernanceRunAction.class);
        if (action == null) {
            action = new GovernanceRunAction();
            run.addAction(action);
        }
        return action;
    }

    /**
     * Adds chained entries and saves the build.
     *
     * @param added the entries, already chained into the job's chain
     * @throws IOException when the build cannot be saved
     */
    public void add(final List<GovernanceEntry> added) throws IOException {
        LedgerKey key = LedgerKeys.configured();
        synchronized (entries) {
            if (key != null) {
                if (macs == null) {
                    macs = new ConcurrentHashMap<>();
                }
                macs.putAll(KeyedChains.macs(
                        key, added.stream().map(GovernanceEntry::toRecord).toList()));
            }
            entries.addAll(added);
        }
        if (run != null) {
            run.save();
        }
    }

    /**
     * Returns the entries, oldest first.
     *
     * @return a copy of the entries
     */
    public List<GovernanceEntry> getEntries() {
        synchronized (entries) {
            return Collections.unmodifiableList(new ArrayList<>(entries));
        }
    }

    /**
     * Counts the entries with an outcome.
     *
     * @param outcome e.g. {@code success}
     * @return the count
     */
    public long count(final String outcome) {
        return getEntries().stream().filter(matching(outcome)).count();
    }

    /**
     * Summarises the drift checks of this build that found drift, for the build page (their findings are in
     * the records' evidence on the report page).
     *
     * @return one line per drifted check, e.g. "Environment 'qat' (release 1.0.0) has drifted ...: 1 finding(s)"
     */
    public List<String> getDriftSummaries() {
        return getEntries().stream()
                .filter(entry -> Action.DRIFT.matches(entry.getAction()))
                .filter(entry -> Boolean.TRUE.equals(entry.getEvidence().get(EvidenceKeys.DRIFTED)))
                .map(entry -> String.valueOf(entry.getEvidence().get(EvidenceKeys.SUMMARY)))
                .toList();
    }

    private static Predicate<GovernanceEntry> matching(final String outcome) {
        return entry -> entry.getOutcome().equals(outcome);
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "DataOps governance";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * Renders this build's records as the engine's HTML report fragment (for the build-level page).
     *
     * @return the HTML fragment, escaped by the renderer
     */
    public String getReportHtml() {
        return ReportFragments.renderPaged(
                ReportFragments.source(getEntries()),
                "DataOps governance: " + (run == null ? "this build" : run.getFullDisplayName()));
    }

    /**
     * Serves a page of this build's records as JSON ({@code records?offset=&limit=&env=&action=&outcome=&actor=
     * &from=&to=&q=}), newest first, verified as this build's part of the job's chain. Reaching the build's
     * action already needs {@code Item.READ} on its job; checked again here, as every endpoint checks its own.
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doRecords(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        if (run != null) {
            run.getParent().checkPermission(Item.READ);
        }
        String job = run == null ? "this job" : run.getParent().getFullName();
        int build = run == null ? 0 : run.getNumber();
        ReportFragments.serveRecords(
                req,
                rsp,
                (query, out) -> ReportFragments.writeBuildPage(job, build, getEntries(), getMacs(), query, out));
    }

    /**
     * Returns the MACs of this build's records (record hash to HMAC under the ledger key), for verification.
     *
     * @return a copy; empty when no record was chained with a key
     */
    public Map<String, String> getMacs() {
        return macs == null ? Map.of() : Map.copyOf(macs);
    }

    /**
     * Serves the report's script (no inline script on the page: Jenkins' Content-Security-Policy).
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doReportJs(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        ReportFragments.serveScript(rsp);
    }

    /**
     * Serves the report's stylesheet.
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doReportCss(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        ReportFragments.serveStylesheet(rsp);
    }
}
