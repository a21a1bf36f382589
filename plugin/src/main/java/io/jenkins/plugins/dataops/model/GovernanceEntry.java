package io.jenkins.plugins.dataops.model;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.policy.RecordFlattening;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One governance record as the plugin stores it in {@code build.xml}: a plain class (not a record, not an
 * engine type) whose fields are strings, longs and {@link LinkedHashMap}/{@link ArrayList} evidence, so that
 * both XStream and the remoting class filter (JEP-200) accept it. {@code sequence}, {@code prev} and
 * {@code hash} place it in its job's chain (see {@link JobChain}).
 */
public final class GovernanceEntry implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long sequence;
    private final long timeMillis;
    private final String actor;
    private final String action;
    private final String product;
    private final String environment;
    private final String release;
    private final String outcome;
    private final String buildRef;
    private final LinkedHashMap<String, Object> evidence;
    private final String prev;
    private final String hash;

    @SuppressWarnings("checkstyle:ParameterNumber") // a persisted value with one field per record part
    GovernanceEntry(
            final long sequence,
            final long timeMillis,
            final GovernanceEvent event,
            final String prev,
            final String hash) {
        this.sequence = sequence;
        this.timeMillis = timeMillis;
        this.actor = event.actor();
        this.action = event.action();
        this.product = event.product();
        this.environment = event.environment();
        this.release = event.release();
        this.outcome = event.outcome();
        this.buildRef = event.buildRef();
        this.evidence = RecordFlattening.plain(event.evidence());
        this.prev = prev;
        this.hash = hash;
    }

    /**
     * Converts an engine record (on the agent, before it crosses the channel).
     *
     * @param record the engine's record
     * @return the plugin's copy
     */
    public static GovernanceEntry of(final GovernanceRecord record) {
        return new GovernanceEntry(
                record.sequence(), record.timeMillis(), record.event(), record.prev(), record.hash());
    }

    /**
     * Returns the engine record this entry stands for (for re-chaining, verification and the report).
     *
     * @return the engine record
     */
    public GovernanceRecord toRecord() {
        return new GovernanceRecord(sequence, timeMillis, toEvent(), prev, hash);
    }

    /**
     * Returns the event without its place in a chain.
     *
     * @return the event
     */
    public GovernanceEvent toEvent() {
        return new GovernanceEvent(actor, action, product, environment, release, outcome, buildRef, evidence);
    }

    public long getSequence() {
        return sequence;
    }

    public long getTimeMillis() {
        return timeMillis;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getProduct() {
        return product;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getRelease() {
        return release;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getBuildRef() {
        return buildRef;
    }

    public Map<String, Object> getEvidence() {
        return new LinkedHashMap<>(evidence);
    }

    public String getPrev() {
        return prev;
    }

    public String getHash() {
        return hash;
    }
}
