package kz.aqparat.cli.operate;

import java.util.concurrent.TimeUnit;

/**
 * {@code --rate N}: at most N records a second, evenly spaced (record i not before start + i/N s), so that a replay
 * leaves the pipeline room for new articles. A rate of 0 means full speed.
 */
public final class Pacer {

    private final double perSecond;
    private long startNanos;
    private long sent;

    public Pacer(double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a rate cannot be negative: " + perSecond);
        }
        this.perSecond = perSecond;
    }

    /** Waits until the next record may be sent. */
    public void acquire() throws InterruptedException {
        if (perSecond > 0) {
            if (sent == 0) {
                startNanos = System.nanoTime();
            }
            long due = startNanos + (long) (sent * TimeUnit.SECONDS.toNanos(1) / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        sent++;
    }
}
