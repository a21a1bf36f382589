package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many failing rows a check allows: an absolute count ({@code 5}) or a percentage of the rows the check
 * looked at ({@code '1%'}, {@code '0.5%'}). The default is {@code 0}: no failing row is allowed.
 */
public final class Threshold implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** No failing row allowed. */
    public static final Threshold ZERO = new Threshold(BigDecimal.ZERO, false);

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%?)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal amount;
    private final boolean percent;

    private Threshold(final BigDecimal amount, final boolean percent) {
        this.amount = amount;
        this.percent = percent;
    }

    /**
     * Parses a threshold.
     *
     * @param text e.g. {@code 0}, {@code 5} or {@code 1.5%}
     * @return the threshold
     * @throws IllegalArgumentException when the text is not a whole count or a percentage from 0 to 100
     */
    public static Threshold parse(final String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "threshold '%s' is not a count of rows (e.g. 5) or a percentage (e.g. '1%%')".formatted(text));
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        boolean percent = !m.group(2).isEmpty();
        if (percent && amount.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("threshold '%s' is more than 100%%".formatted(text));
        }
        if (!percent && amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(
                    "threshold '%s' is not a whole count of rows; write a percentage as e.g. '1.5%%'".formatted(text));
        }
        return new Threshold(amount, percent);
    }

    public boolean isPercent() {
        return percent;
    }

    /**
     * Tells whether a number of failing rows is allowed.
     *
     * @param failing the failing rows
     * @param total   the rows the check looked at (used for percentages)
     * @return true when {@code failing} is within this threshold
     */
    public boolean allows(final long failing, final long total) {
        if (percent) {
            return BigDecimal.valueOf(failing).multiply(HUNDRED).compareTo(amount.multiply(BigDecimal.valueOf(total)))
                    <= 0;
        }
        return BigDecimal.valueOf(failing).compareTo(amount) <= 0;
    }

    /**
     * Returns the threshold as written in reports, e.g. {@code <= 0} or {@code <= 1%}.
     *
     * @return the text
     */
    public String describe() {
        return "<= " + this;
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + (percent ? "%" : "");
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Threshold other && percent == other.percent && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), percent);
    }
}
