package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/** What {@link DataOps#status} should compare: an environment's schema with the changelog, up to a tag. */
public final class StatusRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String environment;
    private final String tag;

    private StatusRequest(final String environment, final String tag) {
        this.environment = Arguments.requireText("environment", environment);
        this.tag = Arguments.optionalText(tag);
    }

    /**
     * Compares everything in the changelog.
     *
     * @param environment the environment
     * @return the request
     */
    public static StatusRequest of(final String environment) {
        return new StatusRequest(environment, "");
    }

    /**
     * Compares only up to a tag.
     *
     * @param upTo the release tag; null or blank for everything
     * @return a copy with the tag
     */
    public StatusRequest withTag(final String upTo) {
        return new StatusRequest(environment, upTo);
    }

    public String environment() {
        return environment;
    }

    /**
     * Returns the tag to compare up to.
     *
     * @return the tag, empty for everything
     */
    public Optional<String> tag() {
        return tag.isEmpty() ? Optional.empty() : Optional.of(tag);
    }
}
