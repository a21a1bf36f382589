package io.jenkins.plugins.dataops.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.model.ReportFragments;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
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
        return ReportFragments.render(getRows().stream().map(IndexedEntry::getEntry).toList());
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
        writer.println("job,build,sequence,time_millis,actor,action,product,environment,release,outcome,prev,hash");
        for (IndexedEntry row : getRows()) {
            GovernanceEntry e = row.getEntry();
            writer.println(String.join(",", cell(row.getJob()), cell(String.valueOf(row.getBuild())),
                    cell(String.valueOf(e.getSequence())), cell(String.valueOf(e.getTimeMillis())), cell(e.getActor()),
                    cell(e.getAction()), cell(e.getProduct()), cell(e.getEnvironment()), cell(e.getRelease()),
                    cell(e.getOutcome()), cell(e.getPrev()), cell(e.getHash())));
        }
        writer.flush();
    }

    /**
     * Exports the visible records, with their evidence, as a JSON array.
     *
     * @param req the request
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public void doExportJson(final StaplerRequest2 req, final StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(GovernancePermissions.AUDIT);
        rsp.setContentType("application/json;charset=UTF-8");
        JSONArray array = new JSONArray();
        for (IndexedEntry row : getRows()) {
            GovernanceEntry e = row.getEntry();
            JSONObject json = new JSONObject();
            json.put("job", row.getJob());
            json.put("build", row.getBuild());
            json.put("sequence", e.getSequence());
            json.put("timeMillis", e.getTimeMillis());
            json.put("actor", e.getActor());
            json.put("action", e.getAction());
            json.put("product", e.getProduct());
            json.put("environment", e.getEnvironment());
            json.put("release", e.getRelease());
            json.put("outcome", e.getOutcome());
            json.put("buildRef", e.getBuildRef());
            json.put("evidence", JSONObject.fromObject(e.getEvidence()));
            json.put("prev", e.getPrev());
            json.put("hash", e.getHash());
            array.add(json);
        }
        PrintWriter writer = rsp.getWriter();
        array.write(writer);
        writer.flush();
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

    /**
     * Makes a value safe for a CSV cell: quoted, quotes doubled, and formula-looking values defused.
     *
     * @param value the value
     * @return the cell
     */
    static String cell(final String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
