package kz.aqparat.cli.operate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or SIGTERM) during a run: the run stops after the record at hand, flushes what it sent and writes its
 * final progress record ({@code stopped}) before the JVM exits; the hook waits up to {@value #GRACE_SECONDS} s.
 */
public final class StopSignal implements AutoCloseable {

    static final int GRACE_SECONDS = 20;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "aqparat-stop");

    public StopSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public boolean requested() {
        return requested.get();
    }

    private void onShutdown() {
        requested.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over: the hook no longer waits, and is removed unless the JVM is already shutting down. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running
        }
    }
}
