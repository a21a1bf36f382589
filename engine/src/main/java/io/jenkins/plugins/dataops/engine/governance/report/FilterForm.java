package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.report.ReportSummary.BoundedValues;

/**
 * The filter controls above the record table. The script ({@link ReportResources#SCRIPT}) reads them and hides
 * the rows that do not match; without the script the controls do nothing and every row shows.
 */
final class FilterForm {
    private final HtmlWriter html;

    FilterForm(final HtmlWriter html) {
        this.html = html;
    }

    void write(final ReportSummary summary) {
        html.raw("<form class=\"dor-filters\" role=\"search\" autocomplete=\"off\">");
        choice("env", "Environment", summary.environments());
        choice("action", "Action", summary.actions());
        choice("outcome", "Outcome", summary.outcomes());
        input("actor", "Actor", "search", "contains\u2026");
        input("from", "From", "date", "");
        input("to", "To", "date", "");
        input("q", "Search", "search", "release, build, checksum\u2026");
        html.raw("<button type=\"reset\" class=\"dor-reset\">Clear</button>")
                .raw("<output class=\"dor-count\" name=\"count\" aria-live=\"polite\">")
                .number(summary.records())
                .raw(" records</output></form>\n");
    }

    private void choice(final String name, final String label, final BoundedValues values) {
        if (values.isOverflow()) {
            input(name, label, "search", "exact name");
            return;
        }
        html.raw("<label class=\"dor-field\"><span>")
                .text(label)
                .raw("</span><select")
                .attr("name", name)
                .raw("><option value=\"\">All</option>");
        for (String value : values.values()) {
            html.raw("<option").attr("value", value).raw(">").text(value).raw("</option>");
        }
        html.raw("</select></label>");
    }

    private void input(final String name, final String label, final String type, final String placeholder) {
        html.raw("<label class=\"dor-field\"><span>")
                .text(label)
                .raw("</span><input")
                .attr("type", type)
                .attr("name", name);
        if (!placeholder.isEmpty()) {
            html.attr("placeholder", placeholder);
        }
        html.raw("></label>");
    }
}
