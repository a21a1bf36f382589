package io.jenkins.plugins.dataops.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.dataops.engine.StepLedgerCollector;
import io.jenkins.plugins.dataops.engine.governance.StepLedger;
import io.jenkins.plugins.dataops.engine.policy.RecordFlattening;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Where a step's engine call writes its records on the agent, and the agent-side halves of collecting and
 * deleting them: one JSON-lines file per step call under the workspace's temporary folder
 * ({@code <workspace>@tmp/dataops-ledgers/<id>.jsonl}), which outlives an aborted call, a controller restart and
 * a lost channel. The decisions (wait for a running call, settle open intents as interrupted, never twice) are
 * the engine's {@link StepLedgerCollector}.
 */
final class StepLedgers {
    /** The folder of the step ledgers inside the workspace's temporary folder. */
    static final String FOLDER = "dataops-ledgers";

    /** How long a collection waits for a call that still writes its records (an apply in flight). */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    private StepLedgers() {}

    /**
     * Returns a step ledger's file.
     *
     * @param workspace the step's workspace
     * @param ledgerId  the task's {@link EngineTask#ledgerId()}
     * @return the file on the workspace's agent
     * @throws AbortException when the workspace has no parent folder for its temporary folder
     */
    static FilePath file(final FilePath workspace, final String ledgerId) throws AbortException {
        FilePath temp = WorkspaceList.tempDir(workspace);
        if (temp == null) {
            throw new AbortException(ConsoleProgress.PREFIX + "The workspace '" + workspace.getRemote()
                    + "' has no temporary folder beside it; run the step in a workspace below a folder.");
        }
        return temp.child(FOLDER).child(ledgerId + ".jsonl");
    }

    /**
     * Converts collected records to the plugin's class, masking values that are a secret (on the agent).
     *
     * @param collected what the collector returned
     * @param secrets   the resolved secrets of the call
     * @return the entries, oldest first
     */
    static List<GovernanceEntry> entries(final StepLedgerCollector.Collected collected, final List<String> secrets) {
        return collected.records().stream()
                .map(record -> GovernanceEntry.of(RecordFlattening.masked(record, secrets)))
                .toList();
    }

    /** What a collection brings back from the agent: plugin and JDK classes only. */
    static final class Collected implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final ArrayList<GovernanceEntry> records;
        private final int interrupted;
        private final boolean stillRunning;

        Collected(final List<GovernanceEntry> records, final int interrupted, final boolean stillRunning) {
            this.records = new ArrayList<>(records);
            this.interrupted = interrupted;
            this.stillRunning = stillRunning;
        }

        List<GovernanceEntry> getRecords() {
            return records;
        }

        int getInterrupted() {
            return interrupted;
        }

        boolean isStillRunning() {
            return stillRunning;
        }
    }

    /** Collects a step ledger on its agent (acts on the ledger's file). */
    static final class Collect extends MasterToSlaveFileCallable<Collected> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String ledgerId;
        private final String reason;
        private final ConsoleProgress progress;
        private final ArrayList<String> secrets;

        Collect(final String ledgerId, final String reason, final TaskListener listener, final List<String> masks) {
            this.ledgerId = ledgerId;
            this.reason = reason;
            this.progress = new ConsoleProgress(listener, masks);
            this.secrets = new ArrayList<>(masks);
        }

        @Override
        public Collected invoke(final File file, final VirtualChannel channel) throws InterruptedException {
            StepLedgerCollector.Collected collected = new StepLedgerCollector(progress)
                    .collect(new StepLedger(file.toPath(), Clock.systemUTC()), ledgerId, reason, PATIENCE);
            return new Collected(entries(collected, secrets), collected.interrupted(), collected.stillRunning());
        }
    }

    /** Deletes a step ledger with its companion files, once its records are stored on the build. */
    static final class Delete extends MasterToSlaveFileCallable<Void> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(final File file, final VirtualChannel channel) throws IOException {
            new StepLedger(file.toPath(), Clock.systemUTC()).delete();
            return null;
        }
    }
}
