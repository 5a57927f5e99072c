package kz.aqparat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

/** ingest-service over real HTTP against a real in-JVM Kafka broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestIT {

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    /** One state directory for both runs of the service: the restart is a warm start. */
    private static final Map<String, Object> CONFIG = Map.of("aqparat.ingest.max-article-bytes", 65536,
            "aqparat.ingest.max-batch-bytes", 262144, "kafka.streams.default.state.dir", IngestClient.tempDirectory());

    private static final String CORRECTED = """
            {"url": "https://tengrinews.kz/news/1/", "text": "В Астане открыли новый завод по выпуску автобусов."}""";

    private KafkaBroker broker;
    private IngestClient ingest;
    private final Map<String, String> sampleIds = new TreeMap<>();
    private final List<String> otherIds = new ArrayList<>();

    @BeforeAll
    void start() throws InterruptedException {
        broker = KafkaBroker.inJvm();
        ingest = IngestClient.start(broker.bootstrapServers(), CONFIG);
        ingest.awaitHealthy();
    }

    @AfterAll
    void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private static List<Path> samples() throws IOException {
        try (var files = Files.list(Path.of("../samples/articles"))) {
            return files.sorted().toList();
        }
    }

    @Test
    @Order(1)
    void samplesAsPlainTextAreAcceptedOnceThenDuplicates() throws IOException {
        for (Path sample : samples()) {
            HttpResponse<String> first = ingest.post("/api/articles", TEXT, Files.readAllBytes(sample));
            assertEquals(202, first.statusCode(), sample + ": " + first.body());
            JsonNode body = json(first);
            assertEquals("accepted", body.get("status").asText());
            sampleIds.put(sample.getFileName().toString(), body.get("id").asText());
        }
        assertEquals(5, sampleIds.values().stream().distinct().count());
        for (Path sample : samples()) {
            HttpResponse<String> again = ingest.post("/api/articles", TEXT, Files.readAllBytes(sample));
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("duplicate", json(again).get("status").asText());
            assertEquals(sampleIds.get(sample.getFileName().toString()), json(again).get("id").asText());
        }
    }

    @Test
    @Order(2)
    void jsonArticleIsAcceptedThenDuplicate() throws IOException {
        String article = """
                {"id": "ignored", "source": "Tengrinews.kz", "url": "https://tengrinews.kz/news/1",
                 "title": "Заголовок", "publishedAt": "2026-03-01", "text": "В Астане открыли новый завод."}""";
        HttpResponse<String> first = ingest.post("/api/articles", JSON, article);
        assertEquals(202, first.statusCode(), first.body());
        String id = json(first).get("id").asText();
        assertEquals(ArticleIds.of("https://tengrinews.kz/news/1", null), id);
        otherIds.add(id);
        HttpResponse<String> again = ingest.post("/api/articles", JSON, article);
        assertEquals(200, again.statusCode());
        assertEquals("duplicate", json(again).get("status").asText());
        assertEquals(id, json(again).get("id").asText());

        HttpResponse<String> corrected = ingest.post("/api/articles", JSON, CORRECTED);
        assertEquals(202, corrected.statusCode(), "a corrected text is a new version: " + corrected.body());
        assertEquals(id, json(corrected).get("id").asText());
        assertEquals("duplicate", json(ingest.post("/api/articles", JSON, CORRECTED)).get("status").asText());
        HttpResponse<String> original = ingest.post("/api/articles", JSON, article);
        assertEquals(200, original.statusCode(), "an old version does not revert the correction");
    }

    @Test
    @Order(3)
    void batchAnswersPerLineAndKeepsGoodLines() throws IOException {
        String batch = String.join("\n",
                "{\"text\": \"Первая статья пакета.\", \"source\": \"BAQ.KZ\"}",
                "{\"text\": \"обрыв",
                "{\"title\": \"без текста\"}",
                "",
                "{\"url\": \"https://tengrinews.kz/news/1\", \"text\": \"В Астане открыли новый завод.\"}",
                "{\"text\": \"Вторая статья пакета.\", \"publishedAt\": \"2026-03-02T10:15\"}") + "\n";
        HttpResponse<String> response = ingest.post("/api/articles/batch", NDJSON, batch);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode results = json(response);
        assertEquals(5, results.size(), response.body());
        assertEquals(1, results.get(0).get("line").asInt());
        assertEquals("accepted", results.get(0).get("status").asText());
        assertEquals(2, results.get(1).get("line").asInt());
        assertEquals("rejected", results.get(1).get("status").asText());
        assertEquals(400, results.get(1).get("problem").get("status").asInt());
        assertEquals("rejected", results.get(2).get("status").asText());
        assertTrue(results.get(2).get("problem").get("detail").asText().contains("text"));
        assertEquals(5, results.get(3).get("line").asInt());
        assertEquals("duplicate", results.get(3).get("status").asText());
        assertEquals(otherIds.get(0), results.get(3).get("id").asText());
        assertEquals(6, results.get(4).get("line").asInt());
        assertEquals("accepted", results.get(4).get("status").asText());
        otherIds.add(results.get(0).get("id").asText());
        otherIds.add(results.get(4).get("id").asText());
    }

    @Test
    @Order(4)
    void badRequestsGetProblemBodies() throws IOException {
        assertProblem(ingest.post("/api/articles", JSON, "{\"text\": "), 400);
        assertProblem(ingest.post("/api/articles", JSON, "{\"text\": \"   \"}"), 400);
        assertProblem(ingest.post("/api/articles", JSON, "{\"title\": \"Без текста\"}"), 400);
        assertProblem(ingest.post("/api/articles", JSON, "{\"text\": \"Текст\", \"title\": 42}"), 400);
        assertProblem(ingest.post("/api/articles", JSON, "[1, 2]"), 400);
        assertProblem(ingest.post("/api/articles", JSON, "{\"text\": \"Текст\", \"publishedAt\": \"вчера\"}"), 400);
        byte[] invalidUtf8 = {'T', 'e', 'x', 't', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'e', 'n', 'd'};
        HttpResponse<String> encoding = ingest.post("/api/articles", TEXT, invalidUtf8);
        assertProblem(encoding, 400);
        assertTrue(json(encoding).get("detail").asText().contains("UTF-8"), encoding.body());
        assertProblem(ingest.post("/api/articles", TEXT, ""), 400);
        assertProblem(ingest.post("/api/articles", TEXT, " date 2026-02-18 "), 400);
        byte[] large = ("{\"text\": \"" + "а".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(ingest.post("/api/articles", JSON, large), 413);
        assertProblem(ingest.post("/api/articles", "application/xml", "<article/>"), 415);
        assertProblem(ingest.post("/api/articles/batch", JSON, "{\"text\": \"Текст\"}"), 415);
        assertProblem(ingest.post("/api/articles", "text/plain; charset=x-no-such-charset", "Текст"), 415);
        assertProblem(ingest.post("/api/articles/batch", NDJSON, "\n\n"), 400);
        assertProblem(ingest.post("/api/articles", (String) null, "{\"text\": \"Текст\"}"), 415);
        String line = "{\"text\": \"" + "б".repeat(10_000) + "\"}\n";
        assertProblem(ingest.post("/api/articles/batch", NDJSON, line.repeat(20)), 413);
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "content type of " + response.body() + ": " + response.headers().firstValue("Content-Type"));
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").asInt(), response.body());
        assertNotNull(problem.get("title"), response.body());
        assertTrue(problem.get("type").asText().startsWith("https://aqparat.kz/problems/"), response.body());
        assertNotNull(problem.get("detail"), response.body());
        assertNull(problem.get("stackTrace"), "no stack trace leaks to clients");
    }

    @Test
    @Order(5)
    void articlesRawHoldsExactlyOneRecordPerArticleWithParsedFields() {
        List<ConsumerRecord<String, RawArticle>> records = IngestClient.readRaw(broker.bootstrapServers());
        Map<String, List<RawArticle>> byKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        List<String> expected = new ArrayList<>(sampleIds.values());
        expected.addAll(otherIds);
        assertEquals(8, expected.size());
        assertEquals(expected.size() + 1, records.size(), "one record per article version: " + byKey.keySet());
        for (String id : expected) {
            assertEquals(id.equals(otherIds.get(0)) ? 2 : 1, byKey.getOrDefault(id, List.of()).size(), id);
            RawArticle article = byKey.get(id).get(0);
            assertEquals(id, article.id());
            assertNotNull(article.receivedAt());
            assertEquals("ru", article.language());
        }
        RawArticle kazpravda = byKey.get(sampleIds.get("000_fd029c03a7c1386a.txt")).get(0);
        assertEquals("Kazpravda.kz", kazpravda.source());
        assertEquals("2026-02-18", kazpravda.publishedAt());
        assertTrue(kazpravda.text().startsWith("Сегодня в Талдыкоргане"));
        RawArticle heading = byKey.get(sampleIds.get("002_54959cf6c2112d28.txt")).get(0);
        assertEquals("Результат общественного консенсуса", heading.title());
        assertEquals("2026-03-03T05:00", heading.publishedAt());
        assertNull(heading.source());
        RawArticle baq = byKey.get(sampleIds.get("004_7a530bcb8f63bfca.txt")).get(0);
        assertEquals("BAQ.KZ", baq.source());
        RawArticle json = byKey.get(otherIds.get(0)).get(0);
        assertEquals("Tengrinews.kz", json.source());
        assertEquals("https://tengrinews.kz/news/1", json.url());
        assertEquals("Заголовок", json.title());
        assertEquals("2026-03-01", json.publishedAt());
        assertEquals("В Астане открыли новый завод.", json.text());
        RawArticle correction = byKey.get(otherIds.get(0)).get(1);
        assertEquals("В Астане открыли новый завод по выпуску автобусов.", correction.text());
        assertTrue(correction.receivedAt().isAfter(json.receivedAt()));
    }

    @Test
    @Order(6)
    void healthAndMetrics() throws IOException {
        HttpResponse<String> health = ingest.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", json(health).get("status").asText());
        assertTrue(health.body().contains("articleIds"), health.body());
        String metrics = ingest.get("/prometheus").body();
        assertTrue(metrics.contains("aqparat_ingest_articles_total{outcome=\"accepted\"} 9.0"), metrics);
        assertTrue(metrics.contains("aqparat_ingest_articles_total{outcome=\"duplicate\"} 9.0"), metrics);
        assertTrue(metrics.contains("aqparat_ingest_articles_total{outcome=\"rejected\"} 18.0"), metrics);
        assertTrue(metrics.contains("kafka_producer"), "Kafka client metrics exposed");
    }

    @Test
    @Order(7)
    void aRestartedServiceStillKnowsEarlierArticles() throws Exception {
        ingest.close();
        ingest = IngestClient.start(broker.bootstrapServers(), CONFIG);
        ingest.awaitHealthy();
        Path sample = samples().get(0);
        HttpResponse<String> again = ingest.post("/api/articles", TEXT, Files.readAllBytes(sample));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("duplicate", json(again).get("status").asText());
        assertEquals(sampleIds.get(sample.getFileName().toString()), json(again).get("id").asText());
        assertEquals(200, ingest.post("/api/articles", JSON, CORRECTED).statusCode(), "versions survive a restart");
        assertEquals(9, IngestClient.readRaw(broker.bootstrapServers()).size());
        String metrics = ingest.get("/prometheus").body();
        assertTrue(metrics.contains("aqparat_ingest_articles_total{outcome=\"duplicate\"} 2.0"), metrics);
        assertTrue(metrics.contains("aqparat_ingest_known_ids 8.0"), metrics);
    }

    @Test
    @Order(8)
    void theSameArticleSentConcurrentlyIsWrittenOnce() {
        List<HttpResponse<String>> answers = ingest.postConcurrently("/api/articles", JSON,
                "{\"text\": \"Одна и та же статья, отправленная шесть раз одновременно.\"}", 6);
        assertEquals(List.of(200, 200, 200, 200, 200, 202),
                answers.stream().map(HttpResponse::statusCode).sorted().toList());
        assertEquals(1, answers.stream().map(HttpResponse::body).map(b -> b.replaceAll(".*\"id\":\"(\\w+)\".*", "$1"))
                .distinct().count());
        assertEquals(10, IngestClient.readRaw(broker.bootstrapServers()).size());
    }
}
