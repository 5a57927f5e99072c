package kz.aqparat.store.live;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many {@code /api/stream} connections one instance keeps at once ({@code aqparat.live.max-connections}):
 * each holds a subscription and a buffer, so an unbounded number would end in an out-of-memory.
 */
@Singleton
public class StreamLimit {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    public StreamLimit(@Value("${aqparat.live.max-connections:200}") int max) {
        this.max = max;
    }

    public boolean tryOpen() {
        while (true) {
            int now = open.get();
            if (now >= max) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    public void close() {
        open.decrementAndGet();
    }

    public int open() {
        return open.get();
    }

    public int max() {
        return max;
    }
}
