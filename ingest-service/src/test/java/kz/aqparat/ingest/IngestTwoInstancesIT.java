package kz.aqparat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two ingest instances on one real broker, each with its own state directory: they share the id index's
 * partitions (one Kafka Streams group) and each holds the whole index, so a push to either is answered from
 * what the other wrote; when one stops, the other takes over its partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestTwoInstancesIT {

    private static final String JSON = "application/json";

    private KafkaBroker broker;
    private IngestClient first;
    private IngestClient second;

    @BeforeAll
    void start() throws InterruptedException {
        broker = KafkaBroker.inJvm();
        first = IngestClient.start(broker.bootstrapServers(), java.util.Map.of());
        second = IngestClient.start(broker.bootstrapServers(), java.util.Map.of());
        first.awaitHealthy();
        second.awaitHealthy();
    }

    @AfterAll
    void stop() throws Exception {
        for (IngestClient ingest : new IngestClient[] {first, second}) {
            if (ingest != null) {
                ingest.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static String status(HttpResponse<String> answer) throws IOException {
        JsonNode body = Json.mapper().readTree(answer.body());
        return answer.statusCode() + " " + body.path("status").asText();
    }

    private List<RawArticle> recordsOf(String id) {
        return IngestClient.readRaw(broker.bootstrapServers()).stream().filter(r -> r.key().equals(id))
                .map(ConsumerRecord::value).toList();
    }

    /** Waits until {@code ingest}'s index has the version: a push of it is then a duplicate there. */
    private static void awaitKnown(IngestClient ingest, long ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Json.mapper().readTree(ingest.get("/health").body()).at("/details/articleIds/details/ids").asLong()
                < ids) {
            assertTrue(System.nanoTime() < deadline, "the index of the other instance never showed the article");
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void anArticleWrittenThroughOneInstanceIsADuplicateOnTheOther() throws Exception {
        String article = "{\"url\": \"https://kazinform.kz/news/1\", \"text\": \"Первая версия статьи.\"}";
        String id = ArticleIds.of("https://kazinform.kz/news/1", null);
        assertEquals("202 accepted", status(first.post("/api/articles", JSON, article)));
        awaitKnown(second, 1);
        assertEquals("200 duplicate", status(second.post("/api/articles", JSON, article)));

        String corrected = "{\"url\": \"https://kazinform.kz/news/1\", \"text\": \"Исправленная версия статьи.\"}";
        assertEquals("202 accepted", status(second.post("/api/articles", JSON, corrected)),
                "a corrected text is a new version on the other instance too");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String again;
        do {
            again = status(first.post("/api/articles", JSON, corrected));
            assertTrue(System.nanoTime() < deadline, "the first instance never learnt the correction");
        } while (!again.equals("200 duplicate") && sleep());
        assertEquals("200 duplicate", status(first.post("/api/articles", JSON, article)),
                "the old version is a duplicate on either instance");
        assertEquals("200 duplicate", status(second.post("/api/articles", JSON, article)));

        List<String> texts = recordsOf(id).stream().map(RawArticle::text).distinct().toList();
        assertEquals(List.of("Первая версия статьи.", "Исправленная версия статьи."), texts);
        assertEquals(1, recordsOf(id).stream().filter(r -> r.text().startsWith("Первая")).count(),
                "the first version is stored once");
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    @Test
    @Order(2)
    void theSameArticleToBothInstancesAtOnceIsOneArticle() throws Exception {
        String article = "{\"text\": \"Одна и та же статья обеим копиям сервиса одновременно.\"}";
        String id = ArticleIds.of(null, "Одна и та же статья обеим копиям сервиса одновременно.");
        CompletableFuture<List<HttpResponse<String>>> toFirst =
                CompletableFuture.supplyAsync(() -> first.postConcurrently("/api/articles", JSON, article, 3));
        List<HttpResponse<String>> toSecond = second.postConcurrently("/api/articles", JSON, article, 3);
        List<HttpResponse<String>> answers = new java.util.ArrayList<>(toFirst.join());
        answers.addAll(toSecond);
        long accepted = answers.stream().filter(a -> a.statusCode() == 202).count();
        assertTrue(accepted >= 1 && accepted <= 2, "once per instance at most: " + answers);
        assertTrue(answers.stream().allMatch(a -> a.statusCode() == 202 || a.statusCode() == 200), answers.toString());
        List<RawArticle> records = recordsOf(id);
        assertEquals(accepted, records.size(), "one record per accepted answer");
        assertEquals(1, records.stream().map(RawArticle::text).distinct().count(),
                "same key, same content: compaction and the keyed views downstream keep one article");
        assertEquals("200 duplicate", status(first.post("/api/articles", JSON, article)));
        assertEquals("200 duplicate", status(second.post("/api/articles", JSON, article)));
    }

    @Test
    @Order(3)
    void whenOneInstanceStopsTheOtherTakesOverItsPartitions() throws Exception {
        first.close();
        first = null;
        String article = "{\"text\": \"Статья после остановки одной копии сервиса.\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> answer;
        do {
            answer = second.post("/api/articles", JSON, article);
            assertTrue(System.nanoTime() < deadline, "the remaining instance never took the article: " + answer.body());
        } while (answer.statusCode() == 503 && sleep());
        assertEquals("202 accepted", status(answer));
        String id = Json.mapper().readTree(answer.body()).get("id").asText();
        // The index record of the new article comes from whichever task owns its partition: now this instance.
        awaitKnown(second, 3);
        assertEquals("200 duplicate", status(second.post("/api/articles", JSON, article)));
        assertEquals(1, recordsOf(id).size());
        assertEquals(200, second.get("/health").statusCode());
    }
}
