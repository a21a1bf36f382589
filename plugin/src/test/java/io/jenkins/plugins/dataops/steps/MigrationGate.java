package io.jenkins.plugins.dataops.steps;

import java.util.concurrent.CountDownLatch;

/**
 * Where a changeset of {@link SlowProduct#writeGatedTo} waits: H2 calls {@link #pass()} through an alias, so the
 * class and the method must be public (unlike other test classes).
 */
public final class MigrationGate {
    /** Counted down when the changeset has reached the gate. */
    static final CountDownLatch ENTERED = new CountDownLatch(1);

    /** The test counts it down to let the changeset go on. */
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    private MigrationGate() {}

    /**
     * Waits at the gate.
     *
     * @return 0
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static int pass() throws InterruptedException {
        ENTERED.countDown();
        RELEASE.await();
        return 0;
    }
}
