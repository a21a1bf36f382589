package io.jenkins.plugins.dataops.engine.drift;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.drift.DriftFinding.Change;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogAuditor;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogReplay;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetDrift;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an environment for drift: builds the schema its changelog produces up to the last changeset it applied
 * in a scratch database of the same dialect, and compares it with the live schema, object by object, and the
 * environment's changelog table with the changelog. The environment is only read.
 */
public final class DriftDetector {
    private final ChangeLogAuditor auditor;

    /**
     * Creates the detector.
     *
     * @param auditor replays the changelog and compares the applied changesets
     */
    public DriftDetector(final ChangeLogAuditor auditor) {
        this.auditor = auditor;
    }

    /**
     * Checks one environment.
     *
     * @param request the environment's database and changelog (the tag is ignored: the environment's own
     *                changesets decide how far the changelog is replayed)
     * @return the findings; empty when the environment matches its changelog
     * @throws DataOpsException when the scratch database cannot be created (naming the permission needed) or
     *                          a schema cannot be read
     */
    public DriftReport check(final MigrationRequest request) {
        DatabaseTarget live = request.target();
        request.progress()
                .info("Checking environment '%s' for drift: building the schema its changelog produces in a scratch "
                                .formatted(live.environment())
                        + "database...");
        try (ScratchDatabase scratch = ScratchDatabase.besides(live, request.progress())) {
            ChangeLogReplay replay = auditor.replay(request, scratch.target());
            SchemaSnapshot expected = snapshot(scratch.target());
            SchemaSnapshot actual = snapshot(live);
            List<DriftFinding> findings = new ArrayList<>(SchemaDiff.between(expected, actual));
            for (ChangeSetDrift changeSet : replay.changeSets()) {
                findings.add(finding(changeSet));
            }
            DriftReport report = new DriftReport(live.environment(), replay.release(), replay.replayed(), findings);
            findings.forEach(
                    f -> request.progress().warn("Drift in '%s': %s".formatted(live.environment(), f.describe())));
            request.progress().info(capitalized(report.summary()) + ".");
            return report;
        }
    }

    /**
     * Reads a schema on a read-only connection, in a transaction that is rolled back.
     *
     * @param target the database
     * @return its snapshot
     */
    public static SchemaSnapshot snapshot(final DatabaseTarget target) {
        try (Connection connection = target.open()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                return SnapshotReader.read(connection, target.dialect());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DataOpsException(
                    "Cannot read the schema of environment '%s': %s"
                            .formatted(target.environment(), SecretScrubber.scrub(e.getMessage(), target.password())),
                    e);
        }
    }

    private static DriftFinding finding(final ChangeSetDrift changeSet) {
        return changeSet.isAbsentFromChangelog()
                ? new DriftFinding(
                        "changeset", changeSet.changeSet(), Change.NOT_IN_CHANGELOG, "", changeSet.liveChecksum())
                : new DriftFinding(
                        "changeset",
                        changeSet.changeSet(),
                        Change.CHECKSUM_CHANGED,
                        changeSet.expectedChecksum(),
                        changeSet.liveChecksum());
    }

    private static String capitalized(final String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
