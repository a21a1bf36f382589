package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded pool of connections of a data-test run, on a real in-memory H2 database. */
class QueryPoolTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final DatabaseTarget target = new DatabaseTarget(
            "dev", "jdbc:h2:mem:pool" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final Set<Connection> lent =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Test
    void shouldReturnResultsInTheOrderOfTheWorkWhateverOrderTheyFinishIn() throws SQLException {
        // Given work whose first unit waits until the last one has finished
        CountDownLatch lastDone = new CountDownLatch(1);
        List<QueryPool.Work<String>> work = new ArrayList<>();
        work.add(c -> {
            await(lastDone);
            return "first";
        });
        work.add(c -> "second");
        work.add(c -> {
            lastDone.countDown();
            return "third";
        });

        // When it runs over three connections
        List<String> results;
        try (Connection first = target.open();
                QueryPool pool = new QueryPool(target, first, 3, ProgressListener.NONE)) {
            results = pool.runAll(work);
        }

        // Then the results are in the order of the work
        assertThat(results).containsExactly("first", "second", "third");
    }

    @Test
    void shouldOpenAtMostItsSizeAndCloseEveryConnectionItOpenedButNotTheCallers() throws SQLException {
        // Given ten units of work that note the connection they were lent
        List<QueryPool.Work<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            work.add(c -> {
                lent.add(c);
                return n;
            });
        }

        // When they run over a pool of 3
        Connection first = target.open();
        QueryPool pool = new QueryPool(target, first, 3, ProgressListener.NONE);
        List<Integer> results = pool.runAll(work);
        int opened = pool.openedConnections();
        pool.close();

        // Then at most 2 connections were opened besides the caller's, all of them are closed, the caller's is not
        assertThat(results).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(opened).isBetween(0, 2);
        assertThat(lent).hasSizeLessThanOrEqualTo(3);
        for (Connection c : lent) {
            assertThat(c.isClosed()).as("closed unless it is the caller's").isEqualTo(c != first);
        }
        assertThat(first.isClosed()).isFalse();
        first.close();
    }

    @Test
    void shouldCloseItsConnectionsWhenAUnitOfWorkThrows() throws SQLException {
        // Given work of which one unit throws, after the others took their own connections
        CountDownLatch allLent = new CountDownLatch(3);
        List<QueryPool.Work<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            work.add(c -> {
                lent.add(c);
                allLent.countDown();
                await(allLent);
                if (n == 1) {
                    throw new IllegalStateException("broken unit");
                }
                return n;
            });
        }

        // When it runs, Then the failure reaches the caller and every connection but the caller's is closed
        Connection first = target.open();
        QueryPool pool = new QueryPool(target, first, 3, ProgressListener.NONE);
        assertThatThrownBy(() -> pool.runAll(work))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("broken unit");
        pool.close();
        assertThat(lent).hasSize(3);
        for (Connection c : lent) {
            assertThat(c.isClosed()).isEqualTo(c != first);
        }
        first.close();
    }

    @Test
    void shouldRunEverythingOnTheCallersConnectionWhenNoOtherCanBeOpened() throws SQLException {
        // Given a pool whose further connections are refused (wrong password), with a warning
        DatabaseTarget refusing = new DatabaseTarget("dev", target.jdbcUrl(), "sa", "wrong-secret");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch refused = new CountDownLatch(1);
        ProgressListener progress = new ProgressListener() {
            @Override
            public void info(final String message) {}

            @Override
            public void warn(final String message) {
                warnings.add(message);
                refused.countDown();
            }

            @Override
            public void error(final String message) {}
        };
        List<QueryPool.Work<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            work.add(c -> {
                lent.add(c);
                // each unit holds the only connection until another one has asked for a connection of its own
                await(refused);
                return n;
            });
        }

        // When the work runs
        List<Integer> results;
        try (Connection first = target.open();
                QueryPool pool = new QueryPool(refusing, first, 4, progress)) {
            results = pool.runAll(work);

            // Then all of it ran on the caller's connection, the refusal is one warning without the password
            assertThat(lent).containsExactly(first);
        }
        assertThat(results).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith("Environment 'dev' refused another connection for the data tests")
                        .endsWith("the queries share the connections already open.")
                        .doesNotContain("wrong-secret"));
    }

    @Test
    void shouldRefuseASizeBelowOne() throws SQLException {
        try (Connection first = target.open()) {
            assertThatThrownBy(() -> new QueryPool(target, first, 0, ProgressListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("size '0' must be at least 1");
        }
    }

    private static void await(final CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS))
                    .as("the other units ran at the same time")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
