package io.jenkins.plugins.dataops.engine.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates the gates a promotion must pass, from evidence only: the promotion path, what the source
 * environment runs (by fingerprint, not by name), its last data-test run, and the approval of a protected
 * target. Every gate is evaluated, so a refusal lists all that is missing at once.
 */
public final class PromotionGates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataProductSpec spec;

    /**
     * Creates the evaluator.
     *
     * @param spec the data product
     */
    public PromotionGates(final DataProductSpec spec) {
        this.spec = spec;
    }

    /**
     * Evaluates every gate.
     *
     * @param request     what is promoted where, by whom
     * @param fingerprint the fingerprint of the release being promoted (the workspace's changelog and checks)
     * @param source      the source environment's release history
     * @param now         the current time
     * @return the gates in order
     */
    public List<Gate> evaluate(
            final PromotionRequest request,
            final String fingerprint,
            final List<HistoryEntry> source,
            final Instant now) {
        List<Gate> gates = new ArrayList<>();
        gates.add(path(request));
        gates.add(sourceRunsRelease(request, fingerprint, source));
        gates.add(testsPassed(request, fingerprint, source, now));
        gates.add(approval(request));
        return gates;
    }

    private Gate path(final PromotionRequest request) {
        List<String> path = spec.promotion();
        int from = path.indexOf(request.from());
        int to = path.indexOf(request.to());
        if (from >= 0 && to == from + 1) {
            return new Gate(
                    "promotion-path", true, "'%s' follows '%s' in %s".formatted(request.to(), request.from(), path));
        }
        String next = from >= 0 && from + 1 < path.size() ? "'" + path.get(from + 1) + "'" : "nothing";
        if (request.force()) {
            return new Gate(
                    "promotion-path",
                    true,
                    "forced by %s: %s (the path %s puts %s after '%s')"
                            .formatted(request.requester(), request.reason(), path, next, request.from()));
        }
        return new Gate(
                "promotion-path",
                false,
                ("'%s' does not follow '%s' in the promotion path %s (next is %s); "
                                + "promote step by step, or force it with a reason.")
                        .formatted(request.to(), request.from(), path, next));
    }

    private static Gate sourceRunsRelease(
            final PromotionRequest request, final String fingerprint, final List<HistoryEntry> source) {
        Optional<HistoryEntry> current = ReleaseHistory.current(source);
        if (current.isEmpty()) {
            return new Gate(
                    "source-runs-release",
                    false,
                    "'%s' has no release applied; migrate it to '%s' first."
                            .formatted(request.from(), request.release()));
        }
        HistoryEntry entry = current.get();
        if (!entry.release().equals(request.release())) {
            return new Gate(
                    "source-runs-release",
                    false,
                    "'%s' runs release '%s', not '%s'.".formatted(request.from(), entry.release(), request.release()));
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Gate(
                    "source-runs-release",
                    false,
                    ("'%s' runs release '%s' with fingerprint %s, but the "
                                    + "release being promoted has fingerprint %s: the changelog or checks changed since; test it in "
                                    + "'%s' again.")
                            .formatted(
                                    request.from(),
                                    entry.release(),
                                    abbreviate(entry.fingerprint()),
                                    abbreviate(fingerprint),
                                    request.from()));
        }
        return new Gate(
                "source-runs-release",
                true,
                "'%s' runs release '%s' (fingerprint %s) since %s"
                        .formatted(
                                request.from(),
                                entry.release(),
                                abbreviate(fingerprint),
                                Instant.ofEpochMilli(entry.recordedAtMillis())));
    }

    private Gate testsPassed(
            final PromotionRequest request,
            final String fingerprint,
            final List<HistoryEntry> source,
            final Instant now) {
        Optional<HistoryEntry> test = ReleaseHistory.last(source, Action.TEST);
        Duration maxAge = spec.policy().maxTestAge();
        if (test.isEmpty()) {
            return new Gate(
                    "tests-passed",
                    false,
                    "no data test ran in '%s'; run the data tests there first.".formatted(request.from()));
        }
        HistoryEntry entry = test.get();
        Duration age = Duration.between(Instant.ofEpochMilli(entry.recordedAtMillis()), now);
        String when = "the last data test run in '%s' (%s ago, release '%s')"
                .formatted(request.from(), readable(age.withNanos(0)), entry.release());
        if (!Outcome.PASSED.matches(entry.outcome())) {
            return new Gate(
                    "tests-passed",
                    false,
                    when + " " + entry.outcome() + ": " + summaryOf(entry)
                            + "; fix the data or the release and test again.");
        }
        if (!entry.release().equals(request.release()) || !entry.fingerprint().equals(fingerprint)) {
            return new Gate(
                    "tests-passed",
                    false,
                    when + " tested another release or fingerprint; test '" + request.release() + "' there first.");
        }
        if (age.compareTo(maxAge) > 0) {
            return new Gate(
                    "tests-passed",
                    false,
                    when + " is older than gates.maxTestAge " + readable(maxAge) + "; run the data tests again.");
        }
        return new Gate("tests-passed", true, when + " passed");
    }

    private Gate approval(final PromotionRequest request) {
        if (!spec.environment(request.to()).isProtected()) {
            return new Gate("approval", true, "'%s' is not protected".formatted(request.to()));
        }
        if (request.approvedBy() == null || request.approvedBy().isBlank()) {
            return new Gate(
                    "approval",
                    false,
                    ("'%s' is protected: an approval by someone other than '%s' is " + "needed.")
                            .formatted(request.to(), request.requester()));
        }
        // user ids are compared as Jenkins' default id strategy does: case-insensitively (and without blanks)
        if (request.approvedBy().strip().equalsIgnoreCase(request.requester().strip())) {
            return new Gate(
                    "approval",
                    false,
                    ("'%s' is protected and '%s' cannot approve their own promotion; " + "ask someone else.")
                            .formatted(request.to(), request.requester()));
        }
        return new Gate("approval", true, "approved by '%s'".formatted(request.approvedBy()));
    }

    private static String summaryOf(final HistoryEntry entry) {
        try {
            JsonNode summary = JSON.readTree(entry.details()).path("summary");
            return summary.isTextual() ? summary.asText().replaceFirst("\\.$", "") : entry.details();
        } catch (JsonProcessingException e) {
            return entry.details(); // written by an older version or by hand: show it as it is
        }
    }

    /** A duration as people write it in the spec: {@code 2h}, {@code 10m30s}. */
    private static String readable(final Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(final String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }
}
