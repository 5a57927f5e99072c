package kz.aqparat.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aqparat.cli.local.FreePorts;
import kz.aqparat.cli.local.LocalPipeline;
import kz.aqparat.cli.local.RepoLayout;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.Topics;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole pipeline end to end, as a user runs it: a real Kafka broker, the three services' runnable jars as
 * child processes (launched the way {@code ./pipeline up} does), the five sample articles POSTed over HTTP, and
 * what arrives in the topics and the views checked with a real consumer and real HTTP calls.
 *
 * <p>Runs on the in-JVM KRaft broker; {@link PipelineOnTestcontainersE2EIT} runs it again on Testcontainers'
 * Kafka where a Docker engine exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineE2EIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final RepoLayout layout = RepoLayout.find();
    private KafkaBroker broker;
    private LocalPipeline pipeline;
    private Path workDir;
    /** Sample file name to the id ingest gave it. */
    private final Map<String, String> sampleIds = new LinkedHashMap<>();

    protected KafkaBroker startBroker() {
        return KafkaBroker.inJvm();
    }

    @BeforeAll
    void start() throws IOException {
        broker = startBroker();
        workDir = Files.createTempDirectory("aqparat-e2e");
        pipeline = LocalPipeline.start(layout, broker.bootstrapServers(),
                new LocalPipeline.Ports(FreePorts.next(), FreePorts.next(), FreePorts.next()), workDir,
                Map.of("AQPARAT_TOPIC_PARTITIONS", "2"), Duration.ofSeconds(240));
    }

    @AfterAll
    void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
            pipeline.services().forEach(s -> assertFalse(s.process().isAlive(), s.name() + " still running"));
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void samplesPostedOverHttpReachTheStoreTopicEnrichedAndAppearInTheViews() throws Exception {
        for (Path sample : samples()) {
            HttpResponse<String> response = postText(Files.readString(sample, StandardCharsets.UTF_8));
            assertEquals(202, response.statusCode(), sample + ": " + response.body());
            JsonNode body = Json.mapper().readTree(response.body());
            assertEquals("accepted", body.path("status").asText());
            sampleIds.put(sample.getFileName().toString(), body.path("id").asText());
        }
        assertEquals(5, sampleIds.size());
        assertEquals(5, sampleIds.values().stream().distinct().count(), "five different ids");

        Map<String, EnrichedArticle> stored = latestInStore(articles ->
                articles.keySet().containsAll(sampleIds.values()));
        for (Map.Entry<String, String> sample : sampleIds.entrySet()) {
            EnrichedArticle article = stored.get(sample.getValue());
            assertNotNull(article.enrichment(), sample.getKey());
            assertNotNull(article.enrichment().version(), sample.getKey());
            assertFalse(article.text().isBlank(), sample.getKey());
            assertFalse(article.entities().isEmpty(), sample.getKey() + " has no entities");
            article.entities().forEach(entity -> entity.mentions().forEach(m ->
                    assertEquals(m.text(), article.text().substring(m.start(), m.end()), sample.getKey())));
        }

        assertTrue(stored.values().stream().anyMatch(a -> a.entities().stream()
                .anyMatch(e -> e.type().name().equals("PERSON") && e.name().equals("Аида Балаева"))),
                "sample 000 names Аида Балаева");
        // sample 002's heading names its author; the dated samples come without a title
        EnrichedArticle withAuthor = stored.get(sampleIds.get("002_54959cf6c2112d28.txt"));
        assertEquals("Ербол Тишкамбаев", withAuthor.author());
        assertTrue(withAuthor.entities().stream().anyMatch(e -> e.type().name().equals("PERSON")
                && e.name().equals("Ербол Тишкамбаев") && e.roles().contains("автор")), "the author is a person");
        assertEquals("Результат общественного консенсуса", withAuthor.title());
        assertFalse(withAuthor.titleDerived(), "the heading's title is the feed's own");
        for (String dated : List.of("001_aec7fbcbd8afe353.txt", "003_3f0c2da02d031720.txt",
                "004_7a530bcb8f63bfca.txt")) {
            EnrichedArticle article = stored.get(sampleIds.get(dated));
            assertTrue(article.titleDerived(), dated);
            assertTrue(article.text().replaceAll("\\s+", " ").startsWith(article.title().replace("…", "")),
                    dated + ": the title is the start of the text: " + article.title());
        }
        JsonNode summaries = getJson("api/articles?limit=10").path("articles");
        assertFalse(summaries.isEmpty(), "the search lists the samples");
        for (JsonNode summary : summaries) {
            assertFalse(summary.path("title").asText("").isBlank(), "every sample has a title to show: " + summary);
        }
        for (String id : sampleIds.values()) {
            HttpResponse<String> article = get(pipeline.store().baseUri().resolve("api/articles/" + id));
            assertEquals(200, article.statusCode(), id);
            assertEquals(id, Json.mapper().readTree(article.body()).path("id").asText());
        }
        awaitUntil("the timeline counts the five samples", () -> timelineTotal() == 5);
        JsonNode persons = getJson("api/views/entities?type=PERSON&limit=1000");
        assertTrue(persons.isArray() && !persons.isEmpty(), "persons view: " + persons);
        assertTrue(persons.findValuesAsText("name").contains("Аида Балаева"), "persons view: " + persons);
        JsonNode regions = getJson("api/views/regions");
        assertTrue(regions.findValuesAsText("region").contains("Карагандинская область"), "regions view: " + regions);
    }

    @Test
    @Order(2)
    void pushingTheSamplesAgainAndReprocessingThemChangesNoView() throws Exception {
        Map<String, JsonNode> before = views();
        for (Path sample : samples()) {
            HttpResponse<String> response = postText(Files.readString(sample, StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), sample + ": " + response.body());
            JsonNode body = Json.mapper().readTree(response.body());
            assertEquals("duplicate", body.path("status").asText());
            assertEquals(sampleIds.get(sample.getFileName().toString()), body.path("id").asText());
        }
        // Replay: the same raw records once more through enrichment; a new version of each reaches the store.
        Map<String, EnrichedArticle> first = latestInStore(a -> a.keySet().containsAll(sampleIds.values()));
        List<ConsumerRecord<byte[], byte[]>> raw = readAll(Topics.ARTICLES_RAW.name(),
                records -> records.stream().map(r -> key(r)).collect(Collectors.toSet())
                        .containsAll(sampleIds.values()));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> record : raw) {
                if (sampleIds.containsValue(key(record))) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), record.key(), record.value()))
                            .get();
                }
            }
        }
        latestInStore(articles -> sampleIds.values().stream().allMatch(id -> articles.containsKey(id)
                && articles.get(id).enrichment().processedAt().isAfter(first.get(id).enrichment().processedAt())));
        awaitUntil("the views are exactly as before", () -> views().equals(before));
        Thread.sleep(2_000);
        assertEquals(before, views(), "views changed after the samples were pushed again and reprocessed");
    }

    @Test
    @Order(3)
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextGoodArticleIsProcessed() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), poisonKey.getBytes(StandardCharsets.UTF_8),
                    "{\"id\": \"broken\", \"text\": ".getBytes(StandardCharsets.UTF_8))).get();
        }
        String text = "date 2026-03-10 Сегодня в Астане аким города Жанис Касымбек встретился с жителями "
                + "Есильского района, сообщает Kazpravda.kz. На встречу пришли более 200 человек.";
        HttpResponse<String> response = postText(text);
        assertEquals(202, response.statusCode(), response.body());
        String goodId = Json.mapper().readTree(response.body()).path("id").asText();

        List<ConsumerRecord<byte[], byte[]>> dlq = readAll(Topics.ARTICLES_DLQ.name(),
                records -> records.stream().anyMatch(r -> poisonKey.equals(key(r))));
        ConsumerRecord<byte[], byte[]> dead = dlq.stream().filter(r -> poisonKey.equals(key(r))).findFirst()
                .orElseThrow();
        assertEquals("{\"id\": \"broken\", \"text\": ", new String(dead.value(), StandardCharsets.UTF_8),
                "the original bytes are kept");
        Map<String, String> headers = headers(dead);
        assertTrue(headers.getOrDefault(DlqHeaders.STAGE, "").startsWith("enrich"), headers.toString());
        assertFalse(headers.getOrDefault(DlqHeaders.ERROR_CLASS, "").isBlank(), headers.toString());
        assertFalse(headers.getOrDefault(DlqHeaders.ERROR_MESSAGE, "").isBlank(), headers.toString());
        assertEquals(Topics.ARTICLES_RAW.name(), headers.get(DlqHeaders.ORIGINAL_TOPIC), headers.toString());
        assertNotNull(headers.get(DlqHeaders.ORIGINAL_PARTITION), headers.toString());
        assertNotNull(headers.get(DlqHeaders.ORIGINAL_OFFSET), headers.toString());

        EnrichedArticle good = latestInStore(a -> a.containsKey(goodId)).get(goodId);
        assertEquals("2026-03-10", good.publishedAt());
        assertEquals(200, get(pipeline.store().baseUri().resolve("api/articles/" + goodId)).statusCode());
        awaitUntil("the timeline counts the new article", () -> timelineTotal() == 6);
        assertTrue(pipeline.services().stream().allMatch(s -> s.process().isAlive()), "every service still runs");
    }

    // --- helpers ---

    private List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(layout.samples())) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private HttpResponse<String> postText(String text) throws Exception {
        return http.send(HttpRequest.newBuilder(pipeline.ingest().baseUri().resolve("api/articles"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Authorization", "Bearer " + pipeline.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(pipeline.store().baseUri().resolve(path));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Json.mapper().readTree(response.body());
    }

    /** The full JSON of every view endpoint. */
    private Map<String, JsonNode> views() throws Exception {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
            views.put(type, getJson("api/views/entities?type=" + type + "&limit=1000"));
        }
        views.put("regions", getJson("api/views/regions"));
        views.put("timeline", getJson("api/views/timeline"));
        return views;
    }

    private long timelineTotal() throws Exception {
        return getJson("api/views/timeline").findValues("articleCount").stream().mapToLong(JsonNode::asLong).sum();
    }

    /** Reads {@code articles.store} from the start (committed records only) until the latest values satisfy. */
    private Map<String, EnrichedArticle> latestInStore(Predicate<Map<String, EnrichedArticle>> done)
            throws IOException {
        Map<String, EnrichedArticle> latest = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> records = readAll(Topics.ARTICLES_STORE.name(), all -> {
            latest.clear();
            for (ConsumerRecord<byte[], byte[]> r : all) {
                latest.put(key(r), r.value() == null ? null : read(r.value()));
            }
            latest.values().removeIf(java.util.Objects::isNull);
            return done.test(latest);
        });
        assertFalse(records.isEmpty());
        return latest;
    }

    private static EnrichedArticle read(byte[] value) {
        try {
            return Json.mapper().readValue(value, EnrichedArticle.class);
        } catch (IOException e) {
            throw new AssertionError("articles.store holds a value that is not an EnrichedArticle", e);
        }
    }

    /** Every committed record of a topic, polled until {@code done} holds or the time runs out. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic,
                                                         Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (true) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
                if (done.test(all)) {
                    return all;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not reached within " + TIMEOUT + " in " + topic + " (" + all.size()
                            + " records); logs in " + workDir.resolve("logs"));
                }
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private void awaitUntil(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + TIMEOUT + ": " + what + "; logs in "
                        + workDir.resolve("logs"));
            }
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

}
