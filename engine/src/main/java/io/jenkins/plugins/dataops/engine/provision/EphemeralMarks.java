package io.jenkins.plugins.dataops.engine.provision;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark a provider leaves on what it creates, where the environment lives (a PostgreSQL comment, an H2
 * schema remark): {@code dataops-managed product=P environment=E owner=O expires=T}. For an ephemeral environment
 * it carries the expiry, so {@code gc} finds expired environments even when the workspace's registry
 * ({@link EphemeralRegistry}) is gone, as it is on a fresh cloud agent.
 */
public final class EphemeralMarks {
    private static final Pattern MARK =
            Pattern.compile("dataops-managed product=(\\S+) environment=(\\S+) owner=(.*?) expires=(\\S+)");

    private EphemeralMarks() {}

    /**
     * Returns the mark of an environment.
     *
     * @param context the environment
     * @return the mark, with the expiry when the environment has one
     */
    public static String of(final ProvisioningContext context) {
        return "dataops-managed product=" + context.spec().product() + " environment="
                + context.environment().name() + " owner=" + context.owner()
                + context.expiry().map(expiry -> " expires=" + expiry).orElse("");
    }

    /**
     * Reads a mark: the ephemeral environment of a product it names, with its owner and expiry.
     *
     * @param mark    the comment or remark, null or anything else for none
     * @param product the product whose environments are wanted (others are left alone)
     * @return the entry, empty when the text is not the mark of an ephemeral environment of that product
     */
    public static Optional<EphemeralRegistry.Entry> parse(final String mark, final String product) {
        if (mark == null) {
            return Optional.empty();
        }
        Matcher matcher = MARK.matcher(mark.strip());
        if (!matcher.matches() || !matcher.group(1).equals(product)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EphemeralRegistry.Entry(
                    matcher.group(2), matcher.group(3), "", Instant.parse(matcher.group(4))));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // a damaged mark: gc leaves the environment alone rather than guess
        }
    }
}
