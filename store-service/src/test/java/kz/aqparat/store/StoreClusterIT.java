package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Enrichment;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of store-service share the partitions of one application; each answers for the whole data set by
 * asking the other for its part, and relays the other's live changes.
 */
class StoreClusterIT {

    private static final int ARTICLES = 12;

    private static KafkaBroker broker;
    private static RunningStore first;
    private static RunningStore second;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.inJvm();
        String applicationId = "store-cluster-it-" + UUID.randomUUID();
        first = new RunningStore(broker, false, applicationId, true);
        second = new RunningStore(broker, false, applicationId, true);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, broker}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static List<EntityCount> persons(RunningStore store) {
        return store.getJson("/api/views/entities?type=PERSON&limit=100", new TypeReference<>() { });
    }

    private static long articlesIn(RunningStore store, String scope) {
        return store.getJson("/api/views/timeline" + scope, new TypeReference<List<DayCount>>() { }).stream()
                .mapToLong(DayCount::articleCount).sum();
    }

    private static EntityCount aida(RunningStore store, String scope) {
        return store.getJson("/api/views/entities?type=PERSON&limit=100" + scope,
                new TypeReference<List<EntityCount>>() { }).stream()
                .filter(e -> e.name().equals("Аида Балаева")).findFirst().orElseThrow();
    }

    /**
     * Collects the keys of {@code article} events, and {@code views:<name>} for the views named by {@code views}
     * events, from a Server-Sent Events stream.
     */
    private static final class ArticleEvents implements Flow.Subscriber<String> {
        private final Set<String> keys;
        private final List<String> lines;
        private String event = "";

        ArticleEvents(Set<String> keys, List<String> lines) {
            this.keys = keys;
            this.lines = lines;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && event.equals("views")) {
                try {
                    Json.mapper().readTree(line.substring("data:".length())).get("views")
                            .forEach(view -> keys.add("views:" + view.asText()));
                } catch (Exception e) {
                    throw new AssertionError(line, e);
                }
            } else if (line.startsWith("data:") && event.equals("article")) {
                try {
                    keys.add(Json.mapper().readTree(line.substring("data:".length())).get("key").asText());
                } catch (Exception e) {
                    throw new AssertionError(line, e);
                }
            } else if (line.isEmpty()) {
                event = "";
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void everyInstanceAnswersForTheWholeDataSet() {
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String person = "Персона Номер" + (char) ('А' + i);
            String text = person + " и Аида Балаева обсудили работу Qarmet.";
            articles.add(article("cluster-" + i, "2026-02-" + (10 + i), text, List.of(
                    entity(EntityType.PERSON, person, null, text, 1),
                    entity(EntityType.PERSON, "Аида Балаева", null, text, 1)), List.of(), "1.0",
                    Instant.parse("2026-03-01T10:00:00Z"), i));
        }
        RunningStore.await(Duration.ofSeconds(120), "both instances RUNNING",
                () -> first.get("/health").statusCode() == 200 && second.get("/health").statusCode() == 200);
        Set<String> streamed = ConcurrentHashMap.newKeySet();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<?> stream = http.sendAsync(HttpRequest.newBuilder(first.base.resolve("/api/stream")).build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new ArticleEvents(streamed, lines)));
        first.produce(articles);

        for (RunningStore store : List.of(first, second)) {
            EntityCount everywhere = new EntityCount(EntityType.PERSON, "Аида Балаева", ARTICLES, ARTICLES);
            RunningStore.await(Duration.ofSeconds(90), "all articles counted by " + store.base,
                    () -> articlesIn(store, "") == ARTICLES && persons(store).contains(everywhere)
                            && persons(store).size() == ARTICLES + 1);
            List<EntityCount> persons = persons(store);
            assertEquals(ARTICLES + 1, persons.size(), persons.toString());
            assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", ARTICLES, ARTICLES), persons.get(0));
            // The views show uncommitted work; articles-by-id is read from articles.store once the transaction commits.
            RunningStore.await(Duration.ofSeconds(60), "all articles readable by id from " + store.base,
                    () -> articles.stream().allMatch(a -> store.get("/api/articles/" + a.id()).statusCode() == 200));
            for (EnrichedArticle article : articles) {
                var response = store.get("/api/articles/" + article.id());
                assertEquals(200, response.statusCode(), response.body());
            }
            assertEquals(ARTICLES, store.getJson("/api/articles?limit=100", new TypeReference<Map<String, List<Object>>>() { })
                    .get("articles").size());
            // The index is partitioned like the views: pages, windows and the entity page merge both instances.
            List<String> paged = new ArrayList<>();
            String cursor = "";
            do {
                var page = store.getJsonNode("/api/articles?limit=3" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
                page.path("articles").forEach(a -> paged.add(a.path("id").asText()));
                cursor = page.path("next").isNull() ? "" : page.path("next").asText();
            } while (!cursor.isEmpty() && paged.size() <= ARTICLES);
            List<String> newestFirst = new ArrayList<>();
            for (int i = ARTICLES - 1; i >= 0; i--) {
                newestFirst.add("cluster-" + i);
            }
            assertEquals(newestFirst, paged, "pages of 3 list every article once, newest first");
            assertEquals(persons(store), store.getJson("/api/views/entities?type=PERSON&limit=100&from=2026-02-01",
                    new TypeReference<List<EntityCount>>() { }), "a window holding every article is the all-time view");
            var page = store.getJsonNode("/api/entities/PERSON/%D0%90%D0%B8%D0%B4%D0%B0%20%D0%91%D0%B0%D0%BB%D0%B0%D0%B5%D0%B2%D0%B0");
            assertEquals(ARTICLES, page.path("articleCount").asLong(), page.toString());
            assertEquals(Math.min(20, ARTICLES), page.path("related").size(), page.toString());
            assertEquals("cluster-" + (ARTICLES - 1), page.path("articles").get(0).path("id").asText());
        }
        Set<String> ids = articles.stream().map(EnrichedArticle::id).collect(Collectors.toSet());
        // The stream subscribes to the other instance asynchronously: events before that are not on it. Articles
        // not seen yet are produced again, enriched by a newer engine (the same version again would be no change,
        // and no event; the same contributions change no view), until each one's change has come through.
        long[] lastTry = {System.nanoTime()};
        int[] engine = {0};
        try {
            RunningStore.await(Duration.ofSeconds(60), "every article's change on the first instance's stream", () -> {
                if (streamed.containsAll(ids)) {
                    return true;
                }
                if (System.nanoTime() - lastTry[0] > Duration.ofSeconds(5).toNanos()) {
                    lastTry[0] = System.nanoTime();
                    String newer = "1." + ++engine[0];
                    first.produce(articles.stream().filter(a -> !streamed.contains(a.id()))
                            .map(a -> new EnrichedArticle(a.id(), a.source(), a.url(), a.title(), a.publishedAt(),
                                    a.language(), a.text(), a.receivedAt(), a.entities(), a.regions(),
                                    a.statistics(), a.dates(), new Enrichment(newer, a.enrichment().processedAt(),
                                    a.enrichment().sourceVersion())))
                            .toList());
                }
                return false;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ", got " + streamed + " in " + lines, e);
        }
        assertTrue(streamed.containsAll(Set.of("views:entities", "views:timeline")),
                "the changed views named on the stream: " + streamed);
        stream.cancel(true);

        long firstLocal = articlesIn(first, "?scope=local");
        long secondLocal = articlesIn(second, "?scope=local");
        assertEquals(ARTICLES, firstLocal + secondLocal);
        assertTrue(firstLocal > 0 && secondLocal > 0,
                "the partitions should be shared: " + firstLocal + " + " + secondLocal);
        // Аида Балаева is in articles of every partition: each instance holds a partial row per partition of its
        // own, and the answers above are the sums. Each instance's part counts its own articles.
        EntityCount firstPart = aida(first, "&scope=local");
        EntityCount secondPart = aida(second, "&scope=local");
        assertEquals(firstLocal, firstPart.articleCount(), firstPart.toString());
        assertEquals(secondLocal, secondPart.articleCount(), secondPart.toString());
        // A part is not cut to the top n: the asking instance sorts and limits only after the sum.
        assertEquals(firstLocal + 1, first.getJson("/api/views/entities?type=PERSON&limit=1&scope=local",
                new TypeReference<List<EntityCount>>() { }).size());
    }
}
