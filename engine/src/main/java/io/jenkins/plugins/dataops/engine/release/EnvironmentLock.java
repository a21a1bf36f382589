package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.Dialect;
import io.jenkins.plugins.dataops.engine.db.SessionSchema;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * One operation at a time per environment, held inside the environment's own database for as long as the
 * operation runs. On PostgreSQL it is a session advisory lock (the server releases it when the holder's
 * connection ends, also on a crash); elsewhere a lock row with owner and expiry that a heartbeat renews, so a
 * crashed holder's lock expires. Either way the holder is written to {@value LockTable#TABLE} so a waiting
 * caller can name it.
 */
public final class EnvironmentLock implements AutoCloseable {
    /** How long a row lock lives without a heartbeat. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final Connection connection;
    private final LockTable table;
    private final String owner;
    private final Thread heartbeat;

    private EnvironmentLock(
            final Connection connection, final LockTable table, final String owner, final Thread heartbeat) {
        this.connection = connection;
        this.table = table;
        this.owner = owner;
        this.heartbeat = heartbeat;
    }

    /**
     * Waits for the environment's lock.
     *
     * @param target   the environment's database
     * @param owner    who asks, e.g. {@code alice (promote, build 42)}
     * @param timeout  how long to wait
     * @param clock    the clock for expiry
     * @param progress where waiting is reported
     * @return the held lock; close it to release
     * @throws OperationRefusedException naming the holder when the timeout passes
     */
    public static EnvironmentLock acquire(
            final DatabaseTarget target,
            final String owner,
            final Duration timeout,
            final Clock clock,
            final ProgressListener progress) {
        Connection connection = target.open();
        try {
            SessionSchema.require(connection, target);
            LockTable table = new LockTable(connection, target, clock);
            table.ensure();
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean reported = false;
            while (!tryLock(connection, target, table, owner)) {
                String holder = table.holder();
                if (System.nanoTime() > deadline) {
                    throw new OperationRefusedException(("Environment '%s' is locked by %s; gave up after %s. "
                                    + "Try again when that operation has finished.")
                            .formatted(target.environment(), holder, timeout));
                }
                if (!reported) {
                    progress.info("Environment '%s' is locked by %s; waiting up to %s..."
                            .formatted(target.environment(), holder, timeout));
                    reported = true;
                }
                sleep();
            }
            return held(connection, target, table, owner);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataOpsException(
                    "Cannot lock environment '%s': %s".formatted(target.environment(), e.getMessage()), e);
        } catch (RuntimeException | Error e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Starts the heartbeat of a lock just taken; if even that fails (no thread left), the lock is given back. */
    private static EnvironmentLock held(
            final Connection connection, final DatabaseTarget target, final LockTable table, final String owner) {
        try {
            Thread heartbeat = target.dialect() == Dialect.POSTGRES ? null : startHeartbeat(table, owner);
            return new EnvironmentLock(connection, table, owner, heartbeat);
        } catch (RuntimeException | Error e) {
            releaseQuietly(table, owner);
            throw e;
        }
    }

    private static boolean tryLock(
            final Connection connection, final DatabaseTarget target, final LockTable table, final String owner)
            throws SQLException {
        if (target.dialect() == Dialect.POSTGRES) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LockTable.key(target.environment()));
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return false;
                    }
                }
            }
            table.recordHolder(owner);
            return true;
        }
        return table.tryTake(owner, LEASE);
    }

    private static Thread startHeartbeat(final LockTable table, final String owner) {
        Thread thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(LEASE.toMillis() / 3);
                            table.renew(owner, LEASE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (SQLException e) {
                            return; // the connection is gone: the lease will expire by itself
                        }
                    }
                },
                "dataops-lock-heartbeat");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Stops the heartbeat, deletes the lock row and closes the connection, each step even when the one before it
     * fails, so that whatever ended the operation (an exception, an {@link Error}, an interrupt) no lock outlives it.
     */
    @Override
    public void close() {
        try {
            stopHeartbeat();
        } finally {
            try {
                releaseQuietly(table, owner);
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.interrupt();
            try {
                heartbeat.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the heartbeat was told to stop; the caller's interrupt stays
            }
        }
    }

    private static void releaseQuietly(final LockTable table, final String owner) {
        try {
            table.release(owner);
        } catch (SQLException e) {
            // closing the connection releases an advisory lock; a row lock expires with its lease
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataOpsException("Interrupted while waiting for an environment lock.", e);
        }
    }

    private static void closeQuietly(final Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing more to release
        }
    }
}
