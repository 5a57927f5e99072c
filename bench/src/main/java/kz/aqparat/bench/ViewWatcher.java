package kz.aqparat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import kz.aqparat.contracts.Json;
import org.HdrHistogram.Histogram;

/**
 * The store-service's views as a dashboard sees them: its live feed ({@code GET /api/stream}, Server-Sent
 * Events; each {@code article} event is matched to its acknowledgement) and spot checks of
 * {@code GET /api/articles/{id}} for articles already seen in {@code articles.store}.
 */
final class ViewWatcher implements AutoCloseable {

    private static final Duration SPOT_CHECK_PATIENCE = Duration.ofSeconds(10);

    private final URI store;
    private final VisibilityTracker tracker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong spotChecks = new AtomicLong();
    private final AtomicLong spotChecksOk = new AtomicLong();
    private volatile CompletableFuture<HttpResponse<Stream<String>>> sse;
    private volatile boolean running = true;
    private volatile String lastFailure;
    private final AtomicBoolean spotCheckRunning = new AtomicBoolean();
    /** Micros from an article's arrival in articles.store to its first 200 from GET /api/articles/{id}. */
    private final Histogram lookupLag = new Histogram(3_600_000_000L, 3);

    ViewWatcher(URI storeUrl, VisibilityTracker tracker) {
        String base = storeUrl.toString();
        this.store = URI.create(base.endsWith("/") ? base : base + "/");
        this.tracker = tracker;
    }

    void start() {
        HttpRequest request = HttpRequest.newBuilder(store.resolve("api/stream"))
                .header("Accept", "text/event-stream").GET().build();
        sse = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(this::readEvents, "bench-sse");
        reader.setDaemon(true);
        reader.start();
    }

    private void readEvents() {
        try (Stream<String> lines = sse.get().body()) {
            String[] event = {null};
            lines.takeWhile(line -> running).forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).strip();
                } else if (line.startsWith("data:") && "article".equals(event[0])) {
                    long now = System.nanoTime();
                    String key = key(line.substring(5));
                    if (key != null) {
                        tracker.sseArticle(key, now);
                    }
                } else if (line.isEmpty()) {
                    event[0] = null;
                }
            });
        } catch (Exception e) {
            // the stream ends when the store-service stops or on close
        }
    }

    private static String key(String data) {
        try {
            JsonNode node = Json.mapper().readTree(data);
            return node.path("key").isTextual() ? node.path("key").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Checks, in the background, that the store-service serves an article seen in {@code articles.store}, unless
     * the previous check is still waiting. Its table of articles is read from that topic, so it has the article
     * some time after the transaction that wrote it commits (milliseconds when idle, seconds when store-service is
     * saturated): a 404 is asked again for up to {@link #SPOT_CHECK_PATIENCE}, and the wait is recorded.
     */
    void spotCheck(String id, long storedAtNanos) {
        if (!spotCheckRunning.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                check(id, storedAtNanos);
            } finally {
                spotCheckRunning.set(false);
            }
        }, "bench-spot-check");
        thread.setDaemon(true);
        thread.start();
    }

    private void check(String id, long storedAtNanos) {
        spotChecks.incrementAndGet();
        long deadline = System.nanoTime() + SPOT_CHECK_PATIENCE.toNanos();
        try {
            while (true) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(store.resolve("api/articles/" + id))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    spotChecksOk.incrementAndGet();
                    synchronized (lookupLag) {
                        lookupLag.recordValue(Math.max(0, (System.nanoTime() - storedAtNanos) / 1000));
                    }
                    return;
                }
                if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                    lastFailure = "GET /api/articles/" + id + " answered " + response.statusCode();
                    return;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lastFailure = "GET /api/articles/" + id + ": " + e;
        }
    }

    /** From arrival in articles.store to readable by id, over the successful spot checks. */
    Histogram lookupLag() {
        synchronized (lookupLag) {
            return lookupLag.copy();
        }
    }

    /** Why the last failed spot check failed, or null. */
    String lastFailure() {
        return lastFailure;
    }

    long spotChecks() {
        return spotChecks.get();
    }

    long spotChecksOk() {
        return spotChecksOk.get();
    }

    @Override
    public void close() {
        running = false;
        // A check still waiting would count as failed in the summary.
        long deadline = System.nanoTime() + SPOT_CHECK_PATIENCE.toNanos() + 1_000_000_000L;
        while (spotCheckRunning.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (sse != null) {
            sse.cancel(true);
            sse.thenAccept(r -> r.body().close());
        }
    }
}
