package kz.aqparat.bench;

import kz.aqparat.cli.articles.ArticleStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import kz.aqparat.contracts.Json;

/**
 * N client threads pushing the article stream through ingest's HTTP API: {@code POST /api/articles} (one JSON
 * article) when the batch size is 1, else {@code POST /api/articles/batch} (NDJSON).
 *
 * <p>Closed loop ({@code rate == 0}): each client sends its next request as soon as the previous one is answered,
 * but waits while more than {@code maxInFlight} acknowledged articles have not reached {@code articles.store}
 * yet, so that the run measures the rate the whole pipeline sustains rather than how fast a backlog can grow.
 * Open loop ({@code rate > 0}): requests are due at fixed times ({@code batchSize / rate} apart, shared by all
 * clients); a client late for a due time sends at once, so a slow ingest shows as fewer clients idle, not as a
 * lower offered rate, up to the point where all clients are busy.
 */
final class LoadGenerator {

    private final URI ingest;
    private final ArticleStream articles;
    private final VisibilityTracker tracker;
    private final int clients;
    private final int batchSize;
    private final double rate;
    private final long maxInFlight;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong nextArticle = new AtomicLong();
    private final AtomicLong nextTicket = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long startNanos;
    private volatile long stopNanos;
    private volatile long maxArticles = Long.MAX_VALUE;
    private volatile String key;

    /** The writer key sent as {@code Authorization: Bearer}. */
    void key(String key) {
        this.key = key;
    }

    LoadGenerator(URI ingest, ArticleStream articles, VisibilityTracker tracker, int clients, int batchSize,
                  double rate, long maxInFlight) {
        String base = ingest.toString();
        this.ingest = URI.create(base.endsWith("/") ? base : base + "/");
        this.articles = articles;
        this.tracker = tracker;
        this.clients = clients;
        this.batchSize = batchSize;
        this.rate = rate;
        this.maxInFlight = maxInFlight;
    }

    /** Stops after this many articles (for tests); the duration still applies. */
    void limitArticles(long max) {
        this.maxArticles = max;
    }

    void start(long startAt, long stopAt) {
        this.startNanos = startAt;
        this.stopNanos = stopAt;
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(this::run, "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Moves the end of the load (the measurement window moved). */
    void stopAt(long stopAt) {
        this.stopNanos = stopAt;
    }

    /** All clients have had their last answer. */
    boolean isDone() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Articles handed out to requests so far (the stream's next index). */
    long generated() {
        return Math.min(nextArticle.get(), maxArticles);
    }

    long requests() {
        return requests.get();
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError.get();
    }

    private void run() {
        while (true) {
            long due;
            if (rate > 0) {
                due = startNanos + (long) (nextTicket.getAndIncrement() * batchSize * 1e9 / rate);
                if (due >= stopNanos) {
                    return;
                }
                sleepUntil(due);
            } else {
                while (tracker.outstanding() > maxInFlight && System.nanoTime() < stopNanos) {
                    LockSupport.parkNanos(2_000_000);
                }
                if (System.nanoTime() >= stopNanos) {
                    return;
                }
            }
            long first = nextArticle.getAndAdd(batchSize);
            long last = Math.min(first + batchSize, maxArticles);
            if (first >= last) {
                return;
            }
            send(first, (int) (last - first));
        }
    }

    private void send(long first, int count) {
        HttpRequest request;
        if (batchSize == 1) {
            request = post("api/articles", "application/json", articles.json(first));
        } else {
            ByteArrayOutputStream body = new ByteArrayOutputStream(count * 6 * 1024);
            for (long i = first; i < first + count; i++) {
                body.writeBytes(articles.json(i));
                body.write('\n');
            }
            request = post("api/articles/batch", "application/x-ndjson", body.toByteArray());
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long answered = System.nanoTime();
            requests.incrementAndGet();
            tracker.requestDone(sent, answered);
            JsonNode body = Json.mapper().readTree(response.body());
            if (response.statusCode() >= 300) {
                error(count, "HTTP " + response.statusCode() + " " + body);
                return;
            }
            if (body.isArray()) {
                for (JsonNode item : body) {
                    result(item, answered);
                }
            } else {
                result(body, answered);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(count, "interrupted");
        } catch (Exception e) {
            error(count, e.toString());
        }
    }

    private void result(JsonNode item, long answered) {
        String status = item.path("status").asText();
        switch (status) {
            case "accepted" -> tracker.acked(item.path("id").asText(), answered);
            case "duplicate" -> tracker.duplicate();
            default -> error(1, item.toString());
        }
    }

    private void error(int articles, String message) {
        errors.addAndGet(articles);
        tracker.failed(articles);
        lastError.set(message.length() > 300 ? message.substring(0, 300) : message);
    }

    private HttpRequest post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingest.resolve(path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static void sleepUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
