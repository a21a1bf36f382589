package io.jenkins.plugins.dataops.engine.migrate;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What replaying an environment's changelog into a scratch database found about the environment's changelog
 * table.
 *
 * @param release    the last tag the environment has applied; empty when none
 * @param replayed   how many changesets were applied to the scratch database
 * @param changeSets applied changesets whose checksum changed or that the changelog no longer declares
 */
public record ChangeLogReplay(String release, int replayed, List<ChangeSetDrift> changeSets) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public ChangeLogReplay {
        Objects.requireNonNull(release, "release");
        changeSets = List.copyOf(changeSets);
    }
}
