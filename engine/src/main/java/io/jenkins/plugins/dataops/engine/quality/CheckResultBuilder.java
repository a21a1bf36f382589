package io.jenkins.plugins.dataops.engine.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link CheckResult}:
 *
 * <pre>{@code
 * CheckResult r = new CheckResultBuilder().suite("customer").table("customer").name("unique_email")
 *         .type(CheckType.UNIQUE).severity(Severity.ERROR).status(CheckStatus.FAIL)
 *         .observed("1 failing row of 6").threshold("<= 0 failing rows").failingRows(1).checkedRows(6)
 *         .message("1 duplicate row in 'email'.").build();
 * }</pre>
 */
public final class CheckResultBuilder {
    String suite = "";
    String table = "";
    String name = "";
    CheckType type = CheckType.SQL;
    Severity severity = Severity.ERROR;
    CheckStatus status = CheckStatus.PASS;
    String observed = "";
    String threshold = "";
    long failingRows;
    long checkedRows;
    List<Map<String, String>> sample = new ArrayList<>();
    String message = "";
    long durationMillis;
    boolean incremental;
    String checkedRange = "";

    /**
     * Sets the suite.
     *
     * @param value the suite name
     * @return this
     */
    public CheckResultBuilder suite(final String value) {
        suite = value;
        return this;
    }

    /**
     * Sets the table.
     *
     * @param value the real table name
     * @return this
     */
    public CheckResultBuilder table(final String value) {
        table = value;
        return this;
    }

    /**
     * Sets the check name.
     *
     * @param value the name
     * @return this
     */
    public CheckResultBuilder name(final String value) {
        name = value;
        return this;
    }

    /**
     * Sets the check type.
     *
     * @param value the type
     * @return this
     */
    public CheckResultBuilder type(final CheckType value) {
        type = value;
        return this;
    }

    /**
     * Sets the severity.
     *
     * @param value the severity
     * @return this
     */
    public CheckResultBuilder severity(final Severity value) {
        severity = value;
        return this;
    }

    /**
     * Sets the status.
     *
     * @param value the status
     * @return this
     */
    public CheckResultBuilder status(final CheckStatus value) {
        status = value;
        return this;
    }

    /**
     * Sets the observed value.
     *
     * @param value e.g. {@code 3 failing rows of 1200}
     * @return this
     */
    public CheckResultBuilder observed(final String value) {
        observed = value;
        return this;
    }

    /**
     * Sets the threshold text.
     *
     * @param value e.g. {@code <= 0 failing rows}
     * @return this
     */
    public CheckResultBuilder threshold(final String value) {
        threshold = value;
        return this;
    }

    /**
     * Sets the failing rows.
     *
     * @param value the count
     * @return this
     */
    public CheckResultBuilder failingRows(final long value) {
        failingRows = value;
        return this;
    }

    /**
     * Sets the checked rows.
     *
     * @param value the count
     * @return this
     */
    public CheckResultBuilder checkedRows(final long value) {
        checkedRows = value;
        return this;
    }

    /**
     * Sets the sample rows.
     *
     * @param value the rows, column to value
     * @return this
     */
    public CheckResultBuilder sample(final List<Map<String, String>> value) {
        sample = new ArrayList<>(value);
        return this;
    }

    /**
     * Sets the message.
     *
     * @param value one sentence
     * @return this
     */
    public CheckResultBuilder message(final String value) {
        message = value;
        return this;
    }

    /**
     * Says which rows the check looked at in an incremental suite.
     *
     * @param changedOnly true when only the rows changed since the watermark were checked
     * @param range       the rows, e.g. {@code rows with updated_at > '2026-01-01T00:00' (up to '...')}; empty for
     *                    a suite without an incremental column
     * @return this
     */
    public CheckResultBuilder incremental(final boolean changedOnly, final String range) {
        incremental = changedOnly;
        checkedRange = range;
        return this;
    }

    /**
     * Sets the duration.
     *
     * @param value milliseconds
     * @return this
     */
    public CheckResultBuilder durationMillis(final long value) {
        durationMillis = value;
        return this;
    }

    /**
     * Builds the result.
     *
     * @return the result
     */
    public CheckResult build() {
        return new CheckResult(this);
    }
}
