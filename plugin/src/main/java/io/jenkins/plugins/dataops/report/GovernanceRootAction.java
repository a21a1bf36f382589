package io.jenkins.plugins.dataops.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.CsvExporter;
import io.jenkins.plugins.dataops.engine.governance.report.JsonExporter;
import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.JobChain;
import io.jenkins.plugins.dataops.model.ReportFragments;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The governance report across jobs at {@code /dataops-governance/}: the records of every job the viewer may
 * read, with CSV and JSON exports. Every URL below it needs {@link GovernancePermissions#AUDIT}
 * ({@link #getTarget()}); rebuilding the index changes state and needs POST and Administer.
 */
@Extension
public class GovernanceRootAction implements RootAction, StaplerProxy {
    /** The most records a page or an export shows. */
    static final int LIMIT = 5_000;

    @Override
    @CheckForNull
    public String getIconFileName() {
        return Jenkins.get().hasPermission(GovernancePermissions.AUDIT) ? "symbol-document-text" : null;
    }

    @Override
    public String getDisplayName() {
        return "DataOps governance";
    }

    @Override
    public String getUrlName() {
        return "dataops-governance";
    }

    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(GovernancePermissions.AUDIT);
        return this;
    }

    /**
     * Returns the rows the current user may read, newest first.
     *
     * @return the rows
     */
    public List<IndexedEntry> getRows() {
        return GovernanceIndex.get().visibleRows(LIMIT);
    }

    /**
     * Renders the visible records with the engine's report renderer.
     *
     * @return the HTML fragment (escaped by the renderer)
     */
    public String getReportHtml() {
        return ReportFragments.render(entries(), "DataOps governance: all jobs", verification());
    }

    /** Verifies each visible job's chain (its shown rows as the newest part of it), for the banner. */
    private LedgerVerification verification() {
        Map<String, List<GovernanceEntry>> perJob = new TreeMap<>();
        getRows()
                .forEach(row -> perJob.computeIfAbsent(row.getJob(), job -> new ArrayList<>())
                        .add(row.getEntry()));
        perJob.values().forEach(entries -> entries.sort(Comparator.comparingLong(GovernanceEntry::getSequence)));
        return JobChain.verifyJobs(perJob);
    }

    /**
     * Exports the visible records as CSV.
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doExportCsv(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GovernancePermissions.AUDIT);
        rsp.setContentType("text/csv;charset=UTF-8");
        rsp.setHeader("Content-Disposition", "attachment; filename=\"dataops-governance.csv\"");
        PrintWriter writer = rsp.getWriter();
        new CsvExporter().export(ReportFragments.source(entries()), RecordFilter.all(), writer);
        writer.flush();
    }

    /**
     * Exports the visible records, with their evidence, as a JSON array (the engine's export format).
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doExportJson(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GovernancePermissions.AUDIT);
        rsp.setContentType("application/json;charset=UTF-8");
        PrintWriter writer = rsp.getWriter();
        new JsonExporter().export(ReportFragments.source(entries()), RecordFilter.all(), writer);
        writer.flush();
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

    private List<GovernanceEntry> entries() {
        return getRows().stream().map(IndexedEntry::getEntry).toList();
    }

    /**
     * Rebuilds the index from the build records (after restoring builds from a backup, for example).
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException      when the redirect fails
     * @throws ServletException when the redirect fails
     */
    @RequirePOST
    public void doRebuild(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException, ServletException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        GovernanceIndex.get().rebuild();
        rsp.sendRedirect2(".");
    }
}
