package io.jenkins.plugins.dataops.engine;

import java.io.Serial;
import java.io.Serializable;

/** What {@link DataOps#gc} should do: destroy every ephemeral environment whose expiry has passed. */
public record GcRequest() implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Destroys every expired ephemeral environment.
     *
     * @return the request
     */
    public static GcRequest expired() {
        return new GcRequest();
    }
}
