package kz.aqparat.cli.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kz.aqparat.contracts.Json;

/**
 * Pushes a known set of distinct articles to {@code POST /api/articles} at a steady rate, as a feed client would:
 * with a Bearer key, and again later when the answer was a 503 (after its {@code Retry-After}) or no answer at all
 * (connection refused or reset, doubling from 1 s), until it gets a 202 or a 200 "duplicate" or its attempts run
 * out. Every answer is recorded with its time, status, {@code Retry-After} and latency.
 */
final class SteadyPusher {

    /** One HTTP attempt. {@code status} is -1 when no answer came (then {@code error} says why). */
    record Attempt(long article, long sentAtNanos, long millis, int status, boolean retryAfter, String id,
                   String error) {
    }

    /** Where an article ended: {@code accepted} (202 or 200 duplicate) with the id ingest gave, or not. */
    record Outcome(long article, String id, boolean accepted, int lastStatus, int attempts) {
    }

    private static final int MAX_ATTEMPTS = 60;
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(8);

    private final Supplier<URI> ingest;
    private final String authKey;
    private final ChaosArticles articles;
    private final Duration requestTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
    /** No retry is scheduled past this {@link System#nanoTime()}; set again once the fault is repaired. */
    private volatile long retryDeadline;

    /**
     * @param ingest         the ingest base URI (looked up per request: a restarted stack keeps its ports)
     * @param requestTimeout how long one request may take before the client gives up on it (a hang)
     */
    SteadyPusher(Supplier<URI> ingest, String authKey, ChaosArticles articles, Duration requestTimeout) {
        this.ingest = ingest;
        this.authKey = authKey;
        this.articles = articles;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Pushes articles {@code [first, first + count)}, the i-th first sent at {@code i / rate} seconds; returns when
     * each has an outcome, or when the retry deadline ({@code retryFor} from the start, or as moved by
     * {@link #retryUntil}) has passed.
     */
    void run(long first, int count, double rate, Duration retryFor) throws InterruptedException {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(16, r -> {
            Thread t = new Thread(r, "chaos-push");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch done = new CountDownLatch(count);
        retryDeadline = System.nanoTime() + retryFor.toNanos();
        try {
            for (int i = 0; i < count; i++) {
                long article = first + i;
                long delayNanos = (long) (i * 1e9 / rate);
                executor.schedule(() -> attempt(executor, article, 1, done), delayNanos, TimeUnit.NANOSECONDS);
            }
            // Waits past the deadline by one request's time at most: the last attempts may still be under way.
            while (!done.await(1, TimeUnit.SECONDS)) {
                if (System.nanoTime() > retryDeadline + requestTimeout.toNanos() + 5_000_000_000L) {
                    break;
                }
            }
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(requestTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        }
    }

    /** From now on, retries are scheduled until {@code deadlineNanos} ({@link System#nanoTime()}) only. */
    void retryUntil(long deadlineNanos) {
        retryDeadline = deadlineNanos;
    }

    private void attempt(ScheduledExecutorService executor, long article, int n, CountDownLatch done) {
        Attempt a = send(article);
        attempts.add(a);
        boolean accepted = a.status() == 202 || a.status() == 200;
        // As a feed client would: again after no answer, a 429 or any 5xx; a 4xx other than 429 is final.
        boolean retry = !accepted && (a.status() == -1 || a.status() == 429 || a.status() >= 500)
                && n < MAX_ATTEMPTS;
        long delayMillis = a.status() == 503 && a.retryAfter() ? 1_000
                : Math.min(MAX_RETRY_DELAY.toMillis(), 1_000L << Math.min(n - 1, 4));
        if (retry && System.nanoTime() + delayMillis * 1_000_000 < retryDeadline && !executor.isShutdown()) {
            try {
                executor.schedule(() -> attempt(executor, article, n + 1, done), delayMillis,
                        TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                // fall through: the run is over
            }
        }
        outcomes.put(article, new Outcome(article, a.id() != null ? a.id() : articles.id(article), accepted,
                a.status(), n));
        done.countDown();
    }

    private Attempt send(long article) {
        long sent = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(ingest.get().resolve("api/articles"))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + authKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(articles.json(article)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - sent) / 1_000_000;
            String id = null;
            if (response.statusCode() == 202 || response.statusCode() == 200) {
                JsonNode body = Json.mapper().readTree(response.body());
                id = body.path("id").asText(null);
            }
            return new Attempt(article, sent, millis, response.statusCode(),
                    response.headers().firstValue("Retry-After").isPresent(), id,
                    response.statusCode() >= 400 ? response.body() : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(article, sent, (System.nanoTime() - sent) / 1_000_000, -1, false, null,
                    "interrupted");
        } catch (Exception e) {
            return new Attempt(article, sent, (System.nanoTime() - sent) / 1_000_000, -1, false, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    Map<Long, Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }
}
