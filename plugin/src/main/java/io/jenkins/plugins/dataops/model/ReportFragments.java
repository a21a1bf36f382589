package io.jenkins.plugins.dataops.model;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.RecordSource;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.governance.report.ReportRenderer;
import io.jenkins.plugins.dataops.engine.governance.report.ReportResources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Frames the engine's governance report in Jenkins pages: the engine renders the HTML fragment (every value
 * escaped, no script, no style attribute), and its script and stylesheet are served as separate resources so
 * the page holds up under Jenkins' Content-Security-Policy.
 */
public final class ReportFragments {
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
