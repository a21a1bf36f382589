package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the report needs besides the records: a title, the ledger verification for the integrity banner, the
 * promotion path of each product (timeline lane order), a server-side filter and the time it was generated.
 * Immutable; each {@code with...} returns a new value:
 *
 * <pre>{@code
 * ReportOptions options = ReportOptions.titled("Governance report: customer")
 *         .withVerification(ledger.verify())
 *         .withPromotionPath("customer", spec.promotion())
 *         .withFilter(RecordFilter.all().withEnvironments(List.of("prod")));
 * }</pre>
 */
public final class ReportOptions {
    /** How many release events the timeline of one product shows at most (the newest ones). */
    public static final int DEFAULT_TIMELINE_LIMIT = 300;

    private final String title;
    private final Optional<LedgerVerification> verification;
    private final Map<String, List<String>> promotionPaths;
    private final RecordFilter filter;
    private final Instant generatedAt;
    private final int timelineLimit;
    private final long rowLimit;
    private final String recordsUrl;

    @SuppressWarnings("checkstyle:ParameterNumber") // private, called only by the with-methods
    private ReportOptions(
            final String title,
            final Optional<LedgerVerification> verification,
            final Map<String, List<String>> promotionPaths,
            final RecordFilter filter,
            final Instant generatedAt,
            final int timelineLimit,
            final long rowLimit,
            final String recordsUrl) {
        this.title = title;
        this.verification = verification;
        this.promotionPaths = Map.copyOf(promotionPaths);
        this.filter = filter;
        this.generatedAt = generatedAt;
        this.timelineLimit = timelineLimit;
        this.rowLimit = rowLimit;
        this.recordsUrl = recordsUrl;
    }

    /**
     * Starts options with a title, no verification, no promotion paths, no filter, generated now.
     *
     * @param title the page title, e.g. {@code Governance report}
     * @return the options
     */
    public static ReportOptions titled(final String title) {
        return new ReportOptions(
                Objects.requireNonNull(title, "title"),
                Optional.empty(),
                Map.of(),
                RecordFilter.all(),
                Instant.now(),
                DEFAULT_TIMELINE_LIMIT,
                Long.MAX_VALUE,
                "");
    }

    /**
     * Sets the verification shown in the integrity banner (without it, the banner says the chain was not
     * verified).
     *
     * @param result the result of {@code Ledger.verify()}
     * @return new options
     */
    public ReportOptions withVerification(final LedgerVerification result) {
        return new ReportOptions(
                title, Optional.of(result), promotionPaths, filter, generatedAt, timelineLimit, rowLimit, recordsUrl);
    }

    /**
     * Sets the promotion path of a product: its timeline lanes come in this order, other environments seen
     * (ephemeral ones) after them, sorted.
     *
     * @param product the product
     * @param path    the environments in promotion order, e.g. {@code [dev, qat, prod]}
     * @return new options
     */
    public ReportOptions withPromotionPath(final String product, final List<String> path) {
        Map<String, List<String>> paths = new LinkedHashMap<>(promotionPaths);
        paths.put(product, List.copyOf(path));
        return new ReportOptions(title, verification, paths, filter, generatedAt, timelineLimit, rowLimit, recordsUrl);
    }

    /**
     * Sets the server-side filter: only matching records reach the page or the export.
     *
     * @param recordFilter the filter
     * @return new options
     */
    public ReportOptions withFilter(final RecordFilter recordFilter) {
        return new ReportOptions(
                title,
                verification,
                promotionPaths,
                Objects.requireNonNull(recordFilter),
                generatedAt,
                timelineLimit,
                rowLimit,
                recordsUrl);
    }

    /**
     * Sets the time printed as "generated at" (tests use a fixed one).
     *
     * @param time the time
     * @return new options
     */
    public ReportOptions withGeneratedAt(final Instant time) {
        return new ReportOptions(
                title,
                verification,
                promotionPaths,
                filter,
                Objects.requireNonNull(time),
                timelineLimit,
                rowLimit,
                recordsUrl);
    }

    /**
     * Sets how many release events (the newest) the timeline of one product shows at most; this bounds memory.
     *
     * @param limit at least 1
     * @return new options
     * @throws IllegalArgumentException when the limit is below 1
     */
    public ReportOptions withTimelineLimit(final int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Timeline limit '%d' must be at least 1.".formatted(limit));
        }
        return new ReportOptions(title, verification, promotionPaths, filter, generatedAt, limit, rowLimit, recordsUrl);
    }

    /**
     * Sets how many rows (the newest matching records) the HTML table shows at most; counts and timelines still
     * cover every matching record, and the exports are not limited. Unlimited by default.
     *
     * @param limit at least 1
     * @return new options
     * @throws IllegalArgumentException when the limit is below 1
     */
    public ReportOptions withRowLimit(final long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Row limit '%d' must be at least 1.".formatted(limit));
        }
        return new ReportOptions(
                title, verification, promotionPaths, filter, generatedAt, timelineLimit, limit, recordsUrl);
    }

    /**
     * Makes the fragment a page of a server ({@link RecordPageJson}): no records are written into it, the
     * report's element names the URL its script asks for pages of records, filtered and paged on the server.
     *
     * @param url the URL of the records endpoint, relative to the page, e.g. {@code records}
     * @return new options
     * @throws IllegalArgumentException when the URL is blank or not a plain relative path
     */
    public ReportOptions withRecordsUrl(final String url) {
        if (!url.matches("[A-Za-z0-9._/-]+") || url.startsWith("/") || url.contains("//")) {
            throw new IllegalArgumentException(
                    "Records URL '%s' is not a plain relative path; give one like 'records'.".formatted(url));
        }
        return new ReportOptions(
                title, verification, promotionPaths, filter, generatedAt, timelineLimit, rowLimit, url);
    }

    /** @return the records endpoint the fragment's script pages through, empty when the records are embedded */
    public String recordsUrl() {
        return recordsUrl;
    }

    /** @return the most rows the HTML table shows ({@link Long#MAX_VALUE} when unlimited) */
    public long rowLimit() {
        return rowLimit;
    }

    /** @return the page title */
    public String title() {
        return title;
    }

    /** @return the verification for the integrity banner, if any */
    public Optional<LedgerVerification> verification() {
        return verification;
    }

    /**
     * Returns the promotion path of a product.
     *
     * @param product the product
     * @return its environments in promotion order, empty when unknown
     */
    public List<String> promotionPath(final String product) {
        return promotionPaths.getOrDefault(product, List.of());
    }

    /** @return every product's promotion path, for the delivery metrics */
    Map<String, List<String>> promotionPaths() {
        return promotionPaths;
    }

    /** @return the server-side filter */
    public RecordFilter filter() {
        return filter;
    }

    /** @return when the report was generated */
    public Instant generatedAt() {
        return generatedAt;
    }

    /** @return the most release events one product's timeline shows */
    public int timelineLimit() {
        return timelineLimit;
    }
}
