package io.jenkins.plugins.dataops.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.dataops.engine.governance.report.CsvExporter;
import io.jenkins.plugins.dataops.engine.governance.report.JsonExporter;
import io.jenkins.plugins.dataops.engine.governance.report.RecordFilter;
import io.jenkins.plugins.dataops.model.ReportFragments;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
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
     * Renders the page: summary, timelines and metrics of the records the viewer may read, and a table that the
     * report's script fills from {@link #doRecords}, page by page.
     *
     * @return the HTML fragment (escaped by the renderer)
     */
    public String getReportHtml() {
        return ReportFragments.renderPaged(GovernanceIndex.get().summary(), "DataOps governance: all jobs");
    }

    /**
     * Tells whether the index is still loading after a start or a rebuild.
     *
     * @return true while loading (the page says some records may be missing)
     */
    public boolean isIndexLoading() {
        return GovernanceIndex.get().isLoading();
    }

    /**
     * Serves a page of the records the viewer may read as JSON ({@code records?offset=&limit=&env=&action=
     * &outcome=&actor=&from=&to=&q=}), newest first, filtered and paged on the server, each row's job checked for
     * {@code Item.READ}, evidence loaded from the page's builds and each job's chain verified.
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doRecords(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GovernancePermissions.AUDIT);
        ReportFragments.serveRecords(req, rsp, GovernanceIndex.get()::writePage);
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
        new CsvExporter().export(GovernanceIndex.get().export(), RecordFilter.all(), writer);
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
        new JsonExporter().export(GovernanceIndex.get().export(), RecordFilter.all(), writer);
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

    /**
     * Rebuilds the index from the build records in the background (after restoring builds from a backup).
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
