package io.jenkins.plugins.dataops.model;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.ChainRecords;
import io.jenkins.plugins.dataops.engine.governance.report.JobVerifications;
import io.jenkins.plugins.dataops.engine.governance.report.RecordPageJson;
import io.jenkins.plugins.dataops.engine.governance.report.RecordQuery;
import io.jenkins.plugins.dataops.engine.governance.report.RecordSource;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import io.jenkins.plugins.dataops.engine.governance.report.ReportResources;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Frames the engine's governance report in Jenkins pages: the engine renders the HTML fragment (every value
 * escaped, no script, no style attribute), and its script and stylesheet are served as separate resources so
 * the page holds up under Jenkins' Content-Security-Policy.
 */
public final class ReportFragments {
    /** The URL, relative to a report page, of its records endpoint ({@code doRecords}). */
    public static final String RECORDS = "records";

    private ReportFragments() {}

    /**
     * Renders records with the engine's report renderer.
     *
     * @param entries the records, oldest first
     * @param title   the report title
     * @return the HTML fragment
     */
    public static String render(final List<GovernanceEntry> entries, final String title) {
        return render(entries, title, JobChain.verifySegment(entries));
    }

    /**
     * Renders records with the engine's report renderer, its integrity banner showing a verification.
     *
     * @param entries      the records, oldest first
     * @param title        the report title
     * @param verification the verification of the records' chains
     * @return the HTML fragment
     */
    public static String render(
            final List<GovernanceEntry> entries, final String title, final LedgerVerification verification) {
        StringWriter html = new StringWriter();
        try {
            new ReportRenderer()
                    .writeFragment(source(entries), ReportOptions.titled(title).withVerification(verification), html);
        } catch (IOException e) {
            throw new UncheckedIOException("A StringWriter does not fail", e);
        }
        return html.toString();
    }

    /**
     * Renders a report page whose records come from its {@code records} endpoint: summary, timelines, metrics
     * and the filter form from the summary source, the table filled by the report's script page by page.
     *
     * @param summary the records the reader may see (evidence not needed), oldest first
     * @param title   the report title
     * @return the HTML fragment
     */
    public static String renderPaged(final RecordSource summary, final String title) {
        StringWriter html = new StringWriter();
        try {
            new ReportRenderer()
                    .writeFragment(summary, ReportOptions.titled(title).withRecordsUrl(RECORDS), html);
        } catch (IOException e) {
            throw new UncheckedIOException("A StringWriter does not fail", e);
        }
        return html.toString();
    }

    /**
     * Answers a request of the {@code records} endpoint: reads the query from the request's parameters and
     * lets the page write the JSON, or answers 400 with the query's one-sentence error.
     *
     * @param req  the request
     * @param rsp  the response
     * @param page writes the page of a query
     * @throws IOException when the response cannot be written
     */
    public static void serveRecords(final StaplerRequest2 req, final StaplerResponse2 rsp, final PageWriter page)
            throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        req.getParameterMap().forEach((name, values) -> parameters.put(name, values.length == 0 ? "" : values[0]));
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("Cache-Control", "no-store");
        RecordQuery query;
        try {
            query = RecordQuery.parse(parameters);
        } catch (IllegalArgumentException e) {
            rsp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            RecordPageJson.writeError(e.getMessage(), rsp.getWriter());
            return;
        }
        page.write(query, rsp.getWriter());
    }

    /** Writes one page of records for a query. */
    @FunctionalInterface
    public interface PageWriter {
        /**
         * Writes the page.
         *
         * @param query the query
         * @param out   where the JSON goes
         * @throws IOException when writing fails
         */
        void write(RecordQuery query, Writer out) throws IOException;
    }

    /**
     * Writes one page of a single build's records, verified as that build's part of the job's chain.
     *
     * @param job     the job's full name
     * @param build   the build number
     * @param entries the build's records, oldest first
     * @param macs    the build's record MACs (hash to MAC)
     * @param query   the query
     * @param out     where the JSON goes
     * @throws IOException when writing fails
     */
    public static void writeBuildPage(
            final String job,
            final int build,
            final List<GovernanceEntry> entries,
            final Map<String, String> macs,
            final RecordQuery query,
            final Writer out)
            throws IOException {
        ChainRecords records = new ChainRecords(
                job, build, entries.stream().map(GovernanceEntry::toRecord).toList());
        new RecordPageJson(new JobVerifications(JobChain.keyedCheck(name -> macs)))
                .write(records.index().page(query, name -> true), records, out);
    }

    /**
     * Turns build records into the engine's record source (read more than once by the renderer).
     *
     * @param entries the records
     * @return the source
     */
    public static RecordSource source(final List<GovernanceEntry> entries) {
        List<GovernanceRecord> records =
                entries.stream().map(GovernanceEntry::toRecord).toList();
        return RecordSource.of(records);
    }

    /**
     * Writes the report's script.
     *
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public static void serveScript(final StaplerResponse2 rsp) throws IOException {
        serve(rsp, "text/javascript;charset=UTF-8", ReportResources.script());
    }

    /**
     * Writes the report's stylesheet.
     *
     * @param rsp the response
     * @throws IOException when the response cannot be written
     */
    public static void serveStylesheet(final StaplerResponse2 rsp) throws IOException {
        serve(rsp, "text/css;charset=UTF-8", ReportResources.stylesheet());
    }

    private static void serve(final StaplerResponse2 rsp, final String contentType, final String text)
            throws IOException {
        rsp.setContentType(contentType);
        rsp.setHeader("Cache-Control", "max-age=3600");
        PrintWriter writer = rsp.getWriter();
        writer.write(text);
        writer.flush();
    }
}
