package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.report.ProductTimeline.Marker;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one product's release timeline as inline SVG: one lane per environment, one marker per release event,
 * evenly spaced in time order so that release tags stay readable. Shapes tell the action (circle: applied,
 * diamond: promoted, triangle: rolled back), a red cross with the outcome written under it tells a failure, and
 * a dashed line joins a promotion to where the release was before. Colours come from classes, never from inline
 * styles, so the picture holds up under a strict Content-Security-Policy.
 */
final class TimelineSvg {
    private static final int LABEL_WIDTH = 130;
    private static final int STEP = 72;
    private static final int LANE_HEIGHT = 56;
    private static final int TOP = 8;
    private static final int AXIS_HEIGHT = 28;
    private static final int TAG_LENGTH = 12;
    private static final int SIZE = 7;

    private final HtmlWriter html;

    TimelineSvg(final HtmlWriter html) {
        this.html = html;
    }

    void write(final ProductTimeline timeline, final List<String> lanes) {
        List<Marker> markers = timeline.markers();
        int width = LABEL_WIDTH + Math.max(markers.size(), 1) * STEP + 16;
        int height = TOP + Math.max(lanes.size(), 1) * LANE_HEIGHT + AXIS_HEIGHT;
        html.raw("<svg class=\"dor-timeline-svg\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height))
                .attr("viewBox", "0 0 " + width + " " + height)
                .attr("aria-label", "Release timeline of " + timeline.product())
                .raw(">");
        for (int i = 0; i < lanes.size(); i++) {
            writeLane(lanes.get(i), laneY(i), width);
        }
        writeLinks(markers, lanes);
        String previousDay = "";
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            int x = markerX(i);
            String day = Instant.ofEpochMilli(marker.timeMillis()).toString().substring(0, 10);
            if (!day.equals(previousDay)) {
                html.raw("<text class=\"dor-axis\"")
                        .attr("x", Integer.toString(x))
                        .attr("y", Integer.toString(height - 10))
                        .raw(">")
                        .text(day)
                        .raw("</text>");
                previousDay = day;
            }
            writeMarker(marker, x, laneY(lanes.indexOf(marker.environment())));
        }
        html.raw("</svg>");
    }

    private void writeLane(final String environment, final int y, final int width) {
        html.raw("<g class=\"dor-lane\"")
                .attr("data-env", environment)
                .raw(">")
                .raw("<line class=\"dor-lane-line\"")
                .attr("x1", Integer.toString(LABEL_WIDTH - 8))
                .attr("y1", Integer.toString(y))
                .attr("x2", Integer.toString(width - 8))
                .attr("y2", Integer.toString(y))
                .raw("/>")
                .raw("<text class=\"dor-lane-label\" x=\"8\"")
                .attr("y", Integer.toString(y + 4))
                .raw(">")
                .text(shorten(environment, 16))
                .raw("<title>")
                .text(environment)
                .raw("</title></text></g>");
    }

    private void writeLinks(final List<Marker> markers, final List<String> lanes) {
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            if (Outcome.kindOf(marker.outcome()) == Outcome.Kind.FAILURE) {
                continue;
            }
            Integer before = lastSeen.get(marker.release());
            if (Action.PROMOTE.matches(marker.action()) && before != null) {
                Marker from = markers.get(before);
                html.raw("<line class=\"dor-link\"")
                        .attr("x1", Integer.toString(markerX(before)))
                        .attr("y1", Integer.toString(laneY(lanes.indexOf(from.environment()))))
                        .attr("x2", Integer.toString(markerX(i)))
                        .attr("y2", Integer.toString(laneY(lanes.indexOf(marker.environment()))))
                        .raw("/>");
            }
            if (!marker.release().isEmpty()) {
                lastSeen.put(marker.release(), i);
            }
        }
    }

    private void writeMarker(final Marker marker, final int x, final int y) {
        Outcome.Kind outcome = Outcome.kindOf(marker.outcome());
        html.raw("<g class=\"dor-marker ")
                .raw(outcome.cssClass())
                .raw(" dor-act-")
                .raw(cssToken(marker.action()))
                .raw("\"")
                .attr("data-seq", Long.toString(marker.sequence()))
                .attr("data-env", marker.environment())
                .attr("data-outcome", marker.outcome())
                .attr("tabindex", "0")
                .raw(">");
        html.raw("<title>")
                .text("#" + marker.sequence() + " " + marker.action() + " " + marker.release() + " in "
                        + marker.environment() + ": " + marker.outcome() + " by " + marker.actor() + " at "
                        + Instant.ofEpochMilli(marker.timeMillis()))
                .raw("</title>");
        writeShape(outcome, marker.action(), x, y);
        String tag = marker.release().isEmpty() ? marker.action() : marker.release();
        html.raw("<text class=\"dor-tag\" text-anchor=\"middle\"")
                .attr("x", Integer.toString(x))
                .attr("y", Integer.toString(y - SIZE - 6))
                .raw(">")
                .text(shorten(tag, TAG_LENGTH))
                .raw("</text>");
        if (outcome != Outcome.Kind.OK) {
            html.raw("<text class=\"dor-outcome-label\" text-anchor=\"middle\"")
                    .attr("x", Integer.toString(x))
                    .attr("y", Integer.toString(y + SIZE + 14))
                    .raw(">")
                    .text(shorten(marker.action() + " " + marker.outcome(), TAG_LENGTH + 4))
                    .raw("</text>");
        }
        html.raw("</g>");
    }

    private void writeShape(final Outcome.Kind outcome, final String action, final int x, final int y) {
        if (outcome == Outcome.Kind.FAILURE) {
            int s = SIZE;
            html.raw("<path class=\"dor-shape\"")
                    .attr(
                            "d",
                            "M" + (x - s) + " " + (y - s) + "L" + (x + s) + " " + (y + s) + "M" + (x + s) + " "
                                    + (y - s) + "L" + (x - s) + " " + (y + s))
                    .raw("/>");
        } else if (Action.PROMOTE.matches(action)) {
            html.raw("<polygon class=\"dor-shape\"")
                    .attr("points", points(x, y - SIZE - 1, x + SIZE + 1, y, x, y + SIZE + 1, x - SIZE - 1, y))
                    .raw("/>");
        } else if (Action.ROLLBACK.matches(action)) {
            html.raw("<polygon class=\"dor-shape\"")
                    .attr("points", points(x - SIZE - 1, y, x + SIZE, y - SIZE, x + SIZE, y + SIZE))
                    .raw("/>");
        } else {
            html.raw("<circle class=\"dor-shape\"")
                    .attr("cx", Integer.toString(x))
                    .attr("cy", Integer.toString(y))
                    .attr("r", Integer.toString(SIZE))
                    .raw("/>");
        }
    }

    private static String points(final int... coordinates) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < coordinates.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(coordinates[i]).append(',').append(coordinates[i + 1]);
        }
        return points.toString();
    }

    private static int markerX(final int index) {
        return LABEL_WIDTH + index * STEP + STEP / 2;
    }

    private static int laneY(final int lane) {
        return TOP + lane * LANE_HEIGHT + LANE_HEIGHT / 2 + 4;
    }

    /** Returns the value when it is a safe CSS class suffix, else {@code other}. */
    static String cssToken(final String value) {
        return value.matches("[a-z0-9-]{1,40}") ? value : "other";
    }

    static String shorten(final String value, final int length) {
        return value.length() <= length ? value : value.substring(0, length - 1) + "\u2026";
    }
}
