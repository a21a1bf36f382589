package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the independent queries of a data-test run over at most {@code size} read-only connections at once. The
 * caller's connection is the first; the others are opened through {@link DatabaseTarget#open()} only when there
 * is work for them, and all of them are closed by {@link #close()}. Results come back in the order the work was
 * given, whatever order the threads finish in. With a size of 1 the work runs on the caller's thread.
 */
final class QueryPool implements AutoCloseable {
    /** One unit of work: a query (or a few) on the connection it is lent. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection);
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DatabaseTarget target;
    private final ProgressListener progress;
    private final int size;
    private final Connection first;
    private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
    private final List<Connection> opened = new ArrayList<>();
    private boolean openFailed;
    private ExecutorService executor;

    /**
     * Creates the pool.
     *
     * @param target   where further connections come from
     * @param first    the caller's open connection, lent to the work and closed by the caller
     * @param size     the most connections (and threads) at once, at least 1
     * @param progress where a refused extra connection is reported
     */
    QueryPool(final DatabaseTarget target, final Connection first, final int size, final ProgressListener progress) {
        if (size < 1) {
            throw new IllegalArgumentException("size '%d' must be at least 1".formatted(size));
        }
        this.target = target;
        this.first = first;
        this.size = size;
        this.progress = progress;
        idle.add(first);
    }

    /**
     * Runs all work, at most {@code size} at a time, and waits for all of it.
     *
     * @param work the units of work; each one catches its own query failures
     * @param <T>  what a unit returns
     * @return the results, in the order of {@code work}
     * @throws DataOpsException when the run is interrupted or a unit throws
     */
    <T> List<T> runAll(final List<Work<T>> work) {
        List<T> results = new ArrayList<>();
        if (size == 1 || work.size() <= 1) {
            work.forEach(w -> results.add(w.run(first)));
            return results;
        }
        List<Future<T>> futures = new ArrayList<>();
        work.forEach(w -> futures.add(executor().submit(() -> lend(w))));
        for (Future<T> future : futures) {
            results.add(await(future, futures));
        }
        return results;
    }

    private <T> T await(final Future<T> future, final List<Future<T>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new DataOpsException(
                    "The data tests of environment '%s' were interrupted; run them again."
                            .formatted(target.environment()),
                    e);
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new DataOpsException(
                    "A data-test query of environment '%s' failed: %s".formatted(target.environment(), e.getCause()),
                    e.getCause());
        }
    }

    private <T> T lend(final Work<T> work) throws InterruptedException {
        Connection connection = borrow();
        try {
            return work.run(connection);
        } finally {
            idle.add(connection);
        }
    }

    private Connection borrow() throws InterruptedException {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (this) {
            if (!openFailed && opened.size() + 1 < size) {
                try {
                    connection = target.open();
                    opened.add(connection);
                    // the same read-only transactions as the caller's connection
                    ReadOnlySession.enter(connection, target.dialect());
                    return connection;
                } catch (DataOpsException | SQLException e) {
                    // a server at its connection limit still runs everything, on the connections it gave
                    openFailed = true;
                    progress.warn("Environment '%s' refused another connection for the data tests (%s); the queries"
                                    .formatted(target.environment(), scrub(e))
                            + " share the connections already open.");
                }
            }
        }
        // every thread holds at most one connection and at least the first one exists: one comes back
        return idle.take();
    }

    private String scrub(final Exception e) {
        return SecretScrubber.scrub(String.valueOf(e.getMessage()), target.password())
                .replaceAll("\\s+", " ")
                .trim();
    }

    private synchronized ExecutorService executor() {
        if (executor == null) {
            int pool = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread thread = new Thread(r, "dataops-query-" + pool + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            executor = Executors.newFixedThreadPool(size, factory);
        }
        return executor;
    }

    /** Stops the threads and closes every connection the pool opened (not the caller's). */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                progress.warn("Closing a data-test connection of environment '%s' failed: %s"
                        .formatted(target.environment(), scrub(e)));
            }
        }
        opened.clear();
    }

    /**
     * Returns how many connections the pool opened besides the caller's.
     *
     * @return the count so far
     */
    synchronized int openedConnections() {
        return opened.size();
    }
}
