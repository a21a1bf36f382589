package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ledger of one Jenkins step execution: a JSON-lines file next to the workspace that the engine call appends
 * to as it works (intent before change, outcome after), so that its records outlive an aborted call, a controller
 * restart or a lost agent channel; the controller collects them afterwards. It holds only that call's records,
 * so it vouches for nothing on its own ({@link #isComplete()} is false): the build records are the whole ledger.
 * While a call writes to it, the call holds an OS lock on a companion {@code .running} file, which any class
 * loader of the same JVM and any other process sees.
 */
public final class StepLedger implements Ledger {
    private static final String RUNNING = ".running";

    private final JsonLinesLedger records;

    /**
     * Opens a step ledger (the file is created on the first record).
     *
     * @param file  the ledger file
     * @param clock the clock that stamps records
     */
    public StepLedger(final Path file, final Clock clock) {
        this.records = new JsonLinesLedger(file, clock);
    }

    public Path file() {
        return records.file();
    }

    @Override
    public GovernanceRecord append(final GovernanceEvent event) {
        return records.append(event);
    }

    @Override
    public void forEach(final Consumer<GovernanceRecord> consumer) {
        records.forEach(consumer);
    }

    @Override
    public LedgerVerification verify() {
        return records.verify();
    }

    @Override
    public List<GovernanceRecord> openIntents(final String product, final String environment) {
        return records.openIntents(product, environment);
    }

    /**
     * Marks the ledger as written by a running call until the returned handle is closed.
     *
     * @return the handle; closing it releases the mark
     * @throws DataOpsException when another call still writes this ledger, or the mark cannot be made
     */
    public Closeable running() {
        Path marker = marker();
        try {
            Files.createDirectories(marker.getParent());
            FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataOpsException(
                        "The step ledger '%s' is still written by an earlier call; wait for it to end."
                                .formatted(file().getFileName()));
            }
            return () -> {
                lock.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot mark the step ledger '%s' as in use: %s".formatted(file(), e.getMessage()), e);
        }
    }

    /**
     * Tells whether a call still writes this ledger (in this JVM, under any class loader, or in another process).
     *
     * @return true while a {@link #running()} handle is open
     */
    public boolean isRunning() {
        Path marker = marker();
        if (!Files.exists(marker)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false; // the marker vanished or cannot be opened: nobody holds it
        }
    }

    /**
     * Cuts off a last line that a crash left incomplete (the machine went down in the middle of an append), so
     * that the records before it can be collected and the intent among them settled. A complete last record that
     * only lost its line break is kept. Only for a ledger no call writes any more.
     *
     * @return true when a torn line was cut off
     * @throws DataOpsException when the file cannot be read or cut
     */
    public boolean dropTornEnd() {
        Path file = file();
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes[bytes.length - 1] == '\n') {
                return false;
            }
            int start = lastLineBreak(bytes) + 1;
            try {
                RecordCodec.read(bytes, start, bytes.length, null);
                return false;
            } catch (IllegalArgumentException torn) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(start);
                    channel.force(false);
                }
                return true;
            }
        } catch (IOException e) {
            throw new DataOpsException("Cannot repair the step ledger '%s': %s".formatted(file, e.getMessage()), e);
        }
    }

    private static int lastLineBreak(final byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Deletes the ledger and its companion files (head, lock, running mark).
     *
     * @throws DataOpsException when a file cannot be deleted
     */
    public void delete() {
        Path file = file();
        for (String suffix : List.of(".head", ".lock", RUNNING, "")) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                throw new DataOpsException("Cannot delete '%s': %s".formatted(part, e.getMessage()), e);
            }
        }
    }

    private Path marker() {
        return file().resolveSibling(file().getFileName() + RUNNING);
    }

    /** Inside one JVM a second lock on the same file throws instead of returning null: both mean "held". */
    private static FileLock tryLock(final FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }
}
