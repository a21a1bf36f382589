package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/** What {@link DataOps#createEphemeral} should create: a throw-away environment from the spec's template. */
public final class CreateEphemeralRequest implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Duration ttl; // null: the template's ttl (Duration is serializable, Optional is not)

    private CreateEphemeralRequest(final String name, final Duration ttl) {
        this.name = Arguments.requireText("name", name);
        this.ttl = ttl;
    }

    /**
     * Creates the environment with the template's {@code ttl}.
     *
     * @param name its name, e.g. {@code pr-42}
     * @return the request
     */
    public static CreateEphemeralRequest of(final String name) {
        return new CreateEphemeralRequest(name, null);
    }

    /**
     * Sets how long the environment may live before {@code gc} destroys it.
     *
     * @param lifetime a positive duration (checked when it is used, naming the environment); null for the
     *     template's {@code ttl}
     * @return a copy with the lifetime
     */
    public CreateEphemeralRequest withTtl(final Duration lifetime) {
        return new CreateEphemeralRequest(name, lifetime);
    }

    public String name() {
        return name;
    }

    /**
     * Returns the lifetime asked for.
     *
     * @return the ttl, empty for the template's
     */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttl);
    }
}
