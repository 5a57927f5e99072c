package kz.aqparat.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * {@code viewLatencyMs}: the latency of store-service's read endpoints, one request at a time (no queueing in the
 * harness), endpoint after endpoint: a few unmeasured requests first (for at most a third of the budget), then up to
 * {@code requests} measured ones or {@code budget} of wall clock per endpoint, whichever comes first, so that an endpoint whose cost grows with the
 * store cannot make the run unbounded. {@code {id}} in a path is replaced by ids of stored articles (the preloaded
 * history's and the run's), drawn at random. A non-2xx answer or a failed request counts in {@code errors}, not in
 * the percentiles.
 */
final class ViewLatency {

    /** The endpoints measured by default; {@code --view-endpoint NAME=PATH} adds more. */
    static final Map<String, String> DEFAULT_ENDPOINTS = defaults();
    static final int WARMUP_REQUESTS = 10;

    private static Map<String, String> defaults() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("entities", "api/views/entities?type=PERSON&limit=20");
        endpoints.put("regions", "api/views/regions");
        endpoints.put("timeline", "api/views/timeline");
        endpoints.put("article", "api/articles/{id}");
        endpoints.put("articles", "api/articles?limit=20");
        return endpoints;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI store;
    private final String key;

    ViewLatency(URI store, String key) {
        this.store = store;
        this.key = key;
    }

    /** Per endpoint name: {count, errors, p50, p99, max, path}. */
    Map<String, Object> measure(Map<String, String> endpoints, List<String> ids, int requests, Duration budget,
                                long seed) {
        Map<String, Object> result = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            String path = endpoint.getValue();
            if (path.contains("{id}") && ids.isEmpty()) {
                result.put(endpoint.getKey(), null);
                continue;
            }
            Histogram micros = new Histogram(3_600_000_000L, 3);
            long errors = 0;
            String lastError = null;
            long begin = System.nanoTime();
            long deadline = begin + budget.toNanos();
            long warmupDeadline = begin + budget.toNanos() / 3;
            int warmups = 0;
            for (int i = 0; warmups + micros.getTotalCount() + errors < WARMUP_REQUESTS + requests
                    && micros.getTotalCount() < requests && System.nanoTime() < deadline; i++) {
                boolean warmup = warmups < WARMUP_REQUESTS && System.nanoTime() < warmupDeadline;
                URI uri = store.resolve(path.replace("{id}",
                        URLEncoder.encode(ids.isEmpty() ? "" : ids.get(random.nextInt(ids.size())),
                                StandardCharsets.UTF_8)));
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
                if (key != null) {
                    request.header("Authorization", "Bearer " + key);
                }
                long start = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    long took = (System.nanoTime() - start) / 1000;
                    if (response.statusCode() / 100 != 2) {
                        errors++;
                        lastError = "HTTP " + response.statusCode() + " " + uri.getPath();
                    } else if (warmup) {
                        warmups++;
                    } else {
                        micros.recordValue(Math.min(took, micros.getHighestTrackableValue()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    errors++;
                    lastError = e.toString();
                }
            }
            Map<String, Object> figures = new LinkedHashMap<>(BenchRun.percentiles(micros));
            figures.remove("p95");
            figures.put("errors", errors);
            if (lastError != null) {
                figures.put("lastError", lastError);
            }
            figures.put("path", "/" + path);
            result.put(endpoint.getKey(), figures);
        }
        return result;
    }
}
