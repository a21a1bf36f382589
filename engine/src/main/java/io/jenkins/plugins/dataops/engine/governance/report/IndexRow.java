package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a cross-job governance index: where a record lives (job and build) and the few fields the report's
 * table and filters need. The evidence and the hash stay in the build; a page loads them for the rows it shows
 * ({@link RecordPageJson}), so the index stays small however large the evidence grows.
 *
 * @param job         the full name of the job whose chain holds the record, e.g. {@code team/customer}
 * @param build       the build number that holds it
 * @param sequence    its sequence number in the job's chain
 * @param timeMillis  when it was recorded
 * @param product     the data product
 * @param environment the environment
 * @param action      the action, e.g. {@code migrate}
 * @param release     the release, empty for none
 * @param outcome     the outcome, e.g. {@code success}
 * @param actor       who acted
 * @param buildRef    the build's URL or reference
 */
@SuppressWarnings("checkstyle:ParameterNumber") // a row with one component per indexed field
public record IndexRow(
        String job,
        int build,
        long sequence,
        long timeMillis,
        String product,
        String environment,
        String action,
        String release,
        String outcome,
        String actor,
        String buildRef)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Checks that no text component is null (an index row is compared and searched by them). */
    public IndexRow {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(buildRef, "buildRef");
    }

    /**
     * Returns the row of a record.
     *
     * @param job    the job's full name
     * @param build  the build number that holds the record
     * @param record the record
     * @return its row
     */
    public static IndexRow of(final String job, final int build, final GovernanceRecord record) {
        GovernanceEvent event = record.event();
        return new IndexRow(
                job,
                build,
                record.sequence(),
                record.timeMillis(),
                event.product(),
                event.environment(),
                event.action(),
                event.release(),
                event.outcome(),
                event.actor(),
                event.buildRef());
    }

    /**
     * Returns the row as a record without evidence and hash, for summaries that count and draw records.
     *
     * @return the record
     */
    public GovernanceRecord toSummaryRecord() {
        GovernanceEvent event =
                new GovernanceEvent(actor, action, product, environment, release, outcome, buildRef, Map.of());
        return new GovernanceRecord(sequence, timeMillis, event, "", "");
    }

    /**
     * Returns this row under another job name (the job was renamed or moved).
     *
     * @param newJob the job's full name now
     * @return the moved row
     */
    public IndexRow movedTo(final String newJob) {
        return new IndexRow(
                newJob, build, sequence, timeMillis, product, environment, action, release, outcome, actor, buildRef);
    }
}
