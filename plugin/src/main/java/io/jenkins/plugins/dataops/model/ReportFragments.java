package io.jenkins.plugins.dataops.model;

import hudson.Util;
import java.time.Instant;
import java.util.List;

/**
 * Renders governance records as an HTML fragment (no scripts, no inline styles, every value escaped) for
 * the build-level and the cross-job report pages. The engine's report renderer replaces this body when it is
 * available; the Jelly pages only frame the fragment.
 */
public final class ReportFragments {
    private ReportFragments() {
    }

    /**
     * Renders records, newest last.
     *
     * @param entries the records
     * @return the HTML fragment
     */
    public static String render(final List<GovernanceEntry> entries) {
        StringBuilder html = new StringBuilder(256);
        html.append("<table class=\"jenkins-table dataops-report\"><thead><tr>")
                .append("<th>#</th><th>Time (UTC)</th><th>Actor</th><th>Action</th><th>Product</th>")
                .append("<th>Environment</th><th>Release</th><th>Outcome</th><th>Hash</th></tr></thead><tbody>");
        for (GovernanceEntry e : entries) {
            html.append("<tr class=\"dataops-outcome-").append(Util.escape(e.getOutcome())).append("\">");
            cell(html, String.valueOf(e.getSequence()));
            cell(html, Instant.ofEpochMilli(e.getTimeMillis()).toString());
            cell(html, e.getActor());
            cell(html, e.getAction());
            cell(html, e.getProduct());
            cell(html, e.getEnvironment());
            cell(html, e.getRelease());
            cell(html, e.getOutcome());
            cell(html, e.getHash().length() > 12 ? e.getHash().substring(0, 12) : e.getHash());
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static void cell(final StringBuilder html, final String value) {
        html.append("<td>").append(Util.escape(value)).append("</td>");
    }
}
