package kz.aqparat.store;

import static kz.aqparat.store.topology.Articles.article;
import static kz.aqparat.store.topology.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.aqparat.contracts.DayCount;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.EntityCount;
import kz.aqparat.contracts.EntityType;
import kz.aqparat.contracts.Json;
import kz.aqparat.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of store-service share the partitions of one application; each answers for the whole data set by
 * asking the other for its part.
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

    private static <T> T json(RunningStore store, String path, TypeReference<T> type) {
        var response = store.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static long articlesIn(RunningStore store, String scope) {
        return json(store, "/api/views/timeline" + scope, new TypeReference<List<DayCount>>() { }).stream()
                .mapToLong(DayCount::articleCount).sum();
    }

    @Test
    void everyInstanceAnswersForTheWholeDataSet() {
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String person = "Персона Номер" + (char) ('А' + i);
            String text = person + " и Аида Балаева обсудили работу Qarmet.";
            articles.add(article("cluster-" + i, "2026-02-" + (10 + i), text, List.of(
                    entity(EntityType.PERSON, person, null, text, 1),
                    entity(EntityType.PERSON, "Аида Балаева", null, text, 1)), List.of(), "v1",
                    Instant.parse("2026-03-01T10:00:00Z")));
        }
        RunningStore.await(Duration.ofSeconds(120), "both instances RUNNING",
                () -> first.get("/health").statusCode() == 200 && second.get("/health").statusCode() == 200);
        first.produce(articles);

        for (RunningStore store : List.of(first, second)) {
            RunningStore.await(Duration.ofSeconds(90), "all articles counted by " + store.base,
                    () -> articlesIn(store, "") == ARTICLES);
            List<EntityCount> persons = json(store, "/api/views/entities?type=PERSON&limit=100",
                    new TypeReference<>() { });
            assertEquals(ARTICLES + 1, persons.size(), persons.toString());
            assertEquals(new EntityCount(EntityType.PERSON, "Аида Балаева", ARTICLES, ARTICLES), persons.get(0));
            for (EnrichedArticle article : articles) {
                var response = store.get("/api/articles/" + article.id());
                assertEquals(200, response.statusCode(), response.body());
            }
            assertEquals(ARTICLES, json(store, "/api/articles?limit=100", new TypeReference<List<Object>>() { })
                    .size());
        }
        long firstLocal = articlesIn(first, "?scope=local");
        long secondLocal = articlesIn(second, "?scope=local");
        assertEquals(ARTICLES, firstLocal + secondLocal);
        assertTrue(firstLocal > 0 && secondLocal > 0,
                "the partitions should be shared: " + firstLocal + " + " + secondLocal);
    }
}
