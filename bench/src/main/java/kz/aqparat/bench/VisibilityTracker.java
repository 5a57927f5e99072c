package kz.aqparat.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Pairs each article's HTTP acknowledgement with the moment it became visible, both read from this JVM's
 * monotonic clock ({@link System#nanoTime()}), and records the difference in HdrHistograms.
 *
 * <p>"Visible" has two sources: the record arriving in {@code articles.store} through the harness' own
 * read_committed consumer (the primary figure), and the store-service's SSE {@code article} event (the views'
 * live feed). A record can arrive before its acknowledgement is handled; it then counts with a latency of 0.
 * Only articles acknowledged inside the measurement window (after the warm-up, before the load stops) go into
 * the latency figures; every acknowledged article is checked for arrival.
 */
final class VisibilityTracker {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    /** id to ack time (nanos); negative ack time marks a record seen before its acknowledgement. */
    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> storedEarly = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stored = new ConcurrentHashMap<>();
    private final Map<String, Long> sseAckedAt = new ConcurrentHashMap<>();

    private final Recorder storeRecorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram storeTotal = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram sseTotal = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram ackTotal = new Histogram(HIGHEST_MICROS, 3);

    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder storedCount = new LongAdder();
    private final LongAdder sseCount = new LongAdder();
    private final LongAdder acceptedInWindow = new LongAdder();
    private final LongAdder storedInWindow = new LongAdder();
    private final AtomicLong lastStoredAt = new AtomicLong();

    private volatile String lastStoredId;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    void window(long startNanos, long endNanos) {
        this.windowStart = startNanos;
        this.windowEnd = endNanos;
    }

    private boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    /** An HTTP request answered: its round trip, for the acknowledgement latency. */
    void requestDone(long sentNanos, long answeredNanos) {
        if (inWindow(answeredNanos)) {
            synchronized (ackTotal) {
                ackTotal.recordValue(Math.max(0, (answeredNanos - sentNanos) / 1000));
            }
        }
    }

    void acked(String id, long nanos) {
        accepted.increment();
        if (inWindow(nanos)) {
            acceptedInWindow.increment();
        }
        sseAckedAt.put(id, nanos);
        Long early = storedEarly.remove(id);
        if (early != null) {
            record(nanos, early);
        } else {
            ackedAt.put(id, nanos);
            // the consumer may have seen it between the two lines above
            Long late = storedEarly.remove(id);
            if (late != null && ackedAt.remove(id) != null) {
                record(nanos, late);
            }
        }
    }

    void duplicate() {
        duplicates.increment();
    }

    void failed(int n) {
        failed.add(n);
    }

    /** A record of {@code articles.store} consumed at {@code nanos}; ids not acked (yet) wait for their ack. */
    void stored(String id, long nanos) {
        if (stored.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        storedCount.increment();
        lastStoredAt.set(nanos);
        lastStoredId = id;
        if (inWindow(nanos)) {
            storedInWindow.increment();
        }
        Long ack = ackedAt.remove(id);
        if (ack != null) {
            record(ack, nanos);
        } else {
            storedEarly.put(id, nanos);
            Long lateAck = ackedAt.remove(id);
            if (lateAck != null && storedEarly.remove(id) != null) {
                record(lateAck, nanos);
            }
        }
    }

    private void record(long ackNanos, long storedNanos) {
        if (!inWindow(ackNanos)) {
            return;
        }
        long micros = Math.max(0, (storedNanos - ackNanos) / 1000);
        storeRecorder.recordValue(Math.min(micros, HIGHEST_MICROS));
        synchronized (storeTotal) {
            storeTotal.recordValue(Math.min(micros, HIGHEST_MICROS));
        }
    }

    /** An SSE {@code article} event of the store-service for {@code id}. */
    void sseArticle(String id, long nanos) {
        Long ack = sseAckedAt.remove(id);
        if (ack == null) {
            return;
        }
        sseCount.increment();
        if (inWindow(ack)) {
            synchronized (sseTotal) {
                sseTotal.recordValue(Math.min(Math.max(0, (nanos - ack) / 1000), HIGHEST_MICROS));
            }
        }
    }

    /** Acknowledged articles not yet seen in {@code articles.store}. */
    long outstanding() {
        return accepted.sum() - (storedCount.sum() - storedEarly.size());
    }

    Histogram intervalLatency() {
        return storeRecorder.getIntervalHistogram();
    }

    Histogram storeLatency() {
        synchronized (storeTotal) {
            return storeTotal.copy();
        }
    }

    Histogram sseLatency() {
        synchronized (sseTotal) {
            return sseTotal.copy();
        }
    }

    Histogram ackLatency() {
        synchronized (ackTotal) {
            return ackTotal.copy();
        }
    }

    long accepted() {
        return accepted.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long failed() {
        return failed.sum();
    }

    long storedTotal() {
        return storedCount.sum();
    }

    long sseCount() {
        return sseCount.sum();
    }

    long acceptedInWindow() {
        return acceptedInWindow.sum();
    }

    long storedInWindow() {
        return storedInWindow.sum();
    }

    /** Acknowledged articles that reached {@code articles.store}. */
    long ackedAndStored() {
        return accepted.sum() - ackedAt.size();
    }

    boolean isStored(String id) {
        return stored.containsKey(id);
    }

    String lastStoredId() {
        return lastStoredId;
    }

    long lastStoredAt() {
        return lastStoredAt.get();
    }
}
