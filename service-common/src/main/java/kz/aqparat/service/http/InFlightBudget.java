package kz.aqparat.service.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget of requests and bytes held at once. {@link #tryAcquire(long)} never waits: a request over the budget
 * is answered at once (503 with Retry-After) instead of queueing its body in the heap.
 */
public final class InFlightBudget {

    private final int maxRequests;
    private final long maxBytes;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public InFlightBudget(int maxRequests, long maxBytes) {
        this.maxRequests = maxRequests;
        this.maxBytes = maxBytes;
    }

    public synchronized boolean tryAcquire(long size) {
        if (requests.get() + 1 > maxRequests || bytes.get() + size > maxBytes) {
            return false;
        }
        requests.incrementAndGet();
        bytes.addAndGet(size);
        return true;
    }

    public synchronized void release(long size) {
        requests.decrementAndGet();
        bytes.addAndGet(-size);
    }

    public long requestsInFlight() {
        return requests.get();
    }

    public long bytesInFlight() {
        return bytes.get();
    }
}
