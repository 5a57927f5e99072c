package kz.aqparat.cli.chaos;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;

/**
 * What a user can check after a fault: the committed records of {@code articles.store} (counted per id; the latest
 * of each is what the views must count), of {@code articles.raw} and of {@code articles.dlq}; the articles served by
 * {@code GET /api/articles/{id}}; and whether each view served by store-service equals {@link ExpectedViews}.
 */
final class StoreAudit implements AutoCloseable {

    /** The store answers at most this many rows of a view ({@code limit}'s maximum). */
    private static final int VIEW_LIMIT = 1000;

    private final Supplier<URI> store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, EnrichedArticle> latest = new ConcurrentHashMap<>();
    private final List<String> unreadableRecords = new ArrayList<>();
    private final TopicTally storeTopic;
    private final TopicTally rawTopic;
    private final TopicTally dlqTopic;

    StoreAudit(String bootstrapServers, Supplier<URI> store) {
        this.store = store;
        this.storeTopic = new TopicTally(bootstrapServers, Topics.ARTICLES_STORE.name(), this::onStored);
        this.rawTopic = new TopicTally(bootstrapServers, Topics.ARTICLES_RAW.name(), (k, v) -> { });
        this.dlqTopic = new TopicTally(bootstrapServers, Topics.ARTICLES_DLQ.name(), (k, v) -> { });
    }

    private void onStored(String id, byte[] value) {
        if (value == null) {
            latest.remove(id);
            return;
        }
        try {
            latest.put(id, Json.mapper().readValue(value, EnrichedArticle.class));
        } catch (Exception e) {
            synchronized (unreadableRecords) {
                unreadableRecords.add(id + ": " + e.getMessage());
            }
        }
    }

    /** Reads the three topics up to their current ends; false if Kafka did not let it within the time. */
    boolean catchUp(Duration timeout) {
        boolean store = storeTopic.catchUp(timeout);
        boolean raw = rawTopic.catchUp(timeout);
        boolean dlq = dlqTopic.catchUp(timeout);
        return store && raw && dlq;
    }

    Set<String> storedIds() {
        return Set.copyOf(latest.keySet());
    }

    /** Committed records of the id in {@code articles.store}. */
    int storeCount(String id) {
        return storeTopic.count(id);
    }

    int rawCount(String id) {
        return rawTopic.count(id);
    }

    long dlqRecords() {
        return dlqTopic.records();
    }

    List<String> unparseable() {
        synchronized (unreadableRecords) {
            return List.copyOf(unreadableRecords);
        }
    }

    /** The ids of which {@code GET /api/articles/{id}} does not answer 200 with the same id. */
    List<String> unreadable(Collection<String> ids) {
        return unreadable(store.get(), ids);
    }

    /** The same, asking the store instance at {@code store}. */
    List<String> unreadable(URI store, Collection<String> ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(store
                        .resolve("api/articles/" + id)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200
                        || !id.equals(Json.mapper().readTree(response.body()).path("id").asText())) {
                    missing.add(id);
                }
            } catch (Exception e) {
                missing.add(id);
            }
        }
        return missing;
    }

    /**
     * Null when every view served equals the views recomputed from the stored articles; else what differs (the
     * first few rows of each view that does).
     */
    String viewMismatch() {
        return viewMismatch(store.get());
    }

    /** The same, asking the store instance at {@code store}. */
    String viewMismatch(URI store) {
        ExpectedViews expected = ExpectedViews.of(latest.values());
        List<String> problems = new ArrayList<>();
        try {
            for (EntityType type : EntityType.values()) {
                Map<String, List<Long>> served = new TreeMap<>();
                String path = "api/views/entities?type=" + type + "&limit=" + VIEW_LIMIT;
                for (Map<String, Object> row : get(store, path)) {
                    served.put((String) row.get("name"), List.of(number(row, "articleCount"),
                            number(row, "mentionCount")));
                }
                compare("entities " + type, topRows(expected.entities.get(type).rows()), served, problems);
            }
            Map<String, List<Long>> regions = new TreeMap<>();
            for (Map<String, Object> row : get(store, "api/views/regions")) {
                regions.put((String) row.get("region"), List.of(number(row, "articleCount"),
                        number(row, "mentionCount")));
            }
            compare("regions", expected.regions.rows(), regions, problems);
            Map<String, List<Long>> timeline = new TreeMap<>();
            for (Map<String, Object> row : get(store, "api/views/timeline")) {
                timeline.put((String) row.get("day"), List.of(number(row, "articleCount"), 0L));
            }
            compare("timeline", expected.timeline.rows(), timeline, problems);
        } catch (Exception e) {
            return "views not readable: " + e.getMessage();
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The rows the store answers: the most written about first (articles, then mentions, then name). */
    private static Map<String, List<Long>> topRows(Map<String, List<Long>> rows) {
        return rows.entrySet().stream()
                .sorted((a, b) -> {
                    int c = Long.compare(b.getValue().get(0), a.getValue().get(0));
                    if (c == 0) {
                        c = Long.compare(b.getValue().get(1), a.getValue().get(1));
                    }
                    return c != 0 ? c : a.getKey().compareTo(b.getKey());
                })
                .limit(VIEW_LIMIT)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static void compare(String view, Map<String, List<Long>> expected, Map<String, List<Long>> served,
                                List<String> problems) {
        if (expected.equals(served)) {
            return;
        }
        Map<String, String> diff = new LinkedHashMap<>();
        Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(served.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(expected.get(key), served.get(key))) {
                diff.put(key, "expected " + expected.get(key) + " served " + served.get(key));
                if (diff.size() == 5) {
                    break;
                }
            }
        }
        problems.add(view + " (" + expected.size() + " rows expected, " + served.size() + " served): " + diff);
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    private List<Map<String, Object>> get(URI store, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(store.resolve(path))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return Json.mapper().readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { });
    }

    /** Ids with more than one committed record in {@code articles.store}. */
    Map<String, Integer> doubledInStore() {
        Map<String, Integer> doubled = new HashMap<>();
        storeTopic.counts().forEach((id, n) -> {
            if (n > 1) {
                doubled.put(id, n);
            }
        });
        return doubled;
    }

    @Override
    public void close() {
        storeTopic.close();
        rawTopic.close();
        dlqTopic.close();
    }
}
