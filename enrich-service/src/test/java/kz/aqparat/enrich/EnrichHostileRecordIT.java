package kz.aqparat.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.contracts.Topics;
import kz.aqparat.enrich.topology.DenseArticles;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of issue 9 that stopped enrich-service for good: a raw article of 190,000 U+0001 characters (each
 * escaped by JSON as {@code \u0001}, so a value of 1.1 MB, which the broker takes compressed), written straight to
 * {@code articles.raw}, followed on the same partition by the largest entity-dense article a raw value may be and
 * by a sample article. Against a real broker, with the service's own producer settings and the topics it creates.
 */
class EnrichHostileRecordIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;

    private static KafkaBroker broker;
    private static ApplicationContext context;
    private static URI base;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.inJvm();
        context = ApplicationContext.run(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                // metrics and health details without a key: this test is about enrichment, not access
                "aqparat.auth.public-management", true,
                "micronaut.server.port", -1,
                "kafka.streams.default.state.dir", stateDir.toString(),
                "kafka.streams.default.application.id", "enrich-hostile-it-" + UUID.randomUUID(),
                "aqparat.topic.partitions", 1));
        base = context.getBean(EmbeddedServer.class).start().getURI();
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRawRecordTooLargeToDeadLetterAsItIsIsCutAndTheArticlesBehindItAreEnriched() throws Exception {
        awaitHealth(200);
        RawArticle poison = new RawArticle("poison-u0001", null, null, null, null, "ru", "\u0001".repeat(190_000),
                Instant.now());
        byte[] poisonValue = Json.mapper().writeValueAsBytes(poison);
        assertTrue(poisonValue.length > RecordLimits.MAX_RECORD_BYTES, "the record is " + poisonValue.length);
        RawArticle dense = DenseArticles.repeated("dense-1", RecordLimits.MAX_RAW_VALUE_BYTES);
        RawArticle good = sample();

        RecordMetadata poisonAt;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            poisonAt = producer.send(record(poison.id(), poisonValue)).get();
            producer.send(record(dense.id(), Json.mapper().writeValueAsBytes(dense))).get();
            producer.send(record(good.id(), Json.mapper().writeValueAsBytes(good))).get();
        }

        Map<String, ConsumerRecord<byte[], byte[]>> enriched = byKey(consume(Topics.ARTICLES_ENRICHED.name(), 2));
        EnrichedArticle goodOut = Json.mapper().readValue(enriched.get(good.id()).value(), EnrichedArticle.class);
        assertEquals(good.text(), goodOut.text());
        ConsumerRecord<byte[], byte[]> denseRecord = enriched.get(dense.id());
        assertTrue(denseRecord.value().length <= RecordLimits.MAX_ENRICHED_VALUE_BYTES,
                "enriched " + denseRecord.value().length + " bytes");
        JsonNode denseOut = Json.mapper().readTree(denseRecord.value());
        assertEquals(dense.text(), denseOut.path("text").asText());
        assertTrue(denseOut.path("enrichment").path("truncated").isObject(), denseOut.path("enrichment").toString());

        ConsumerRecord<byte[], byte[]> dead = consume(Topics.ARTICLES_DLQ.name(), 1).get(0);
        assertEquals(poison.id(), new String(dead.key(), StandardCharsets.UTF_8));
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertEquals("org.apache.kafka.common.errors.RecordTooLargeException", header(dead, DlqHeaders.ERROR_CLASS));
        assertTrue(header(dead, DlqHeaders.ERROR_MESSAGE).contains(Integer.toString(poisonValue.length)),
                header(dead, DlqHeaders.ERROR_MESSAGE));
        assertEquals(Integer.toString(poisonValue.length), header(dead, DlqHeaders.VALUE_TRUNCATED));
        assertEquals(RecordLimits.MAX_DLQ_VALUE_BYTES, dead.value().length);
        assertArrayEquals(Arrays.copyOf(poisonValue, RecordLimits.MAX_DLQ_VALUE_BYTES), dead.value());
        assertEquals(Long.toString(poisonAt.offset()), header(dead, DlqHeaders.ORIGINAL_OFFSET));

        awaitHealth(200);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (var topic : Topics.ALL) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertEquals(Integer.toString(RecordLimits.MAX_RECORD_BYTES),
                        config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value(), topic.name());
            }
        }
        for (KafkaStreams streams : context.getBean(KafkaStreamsFactory.class).getStreams().keySet()) {
            assertEquals(KafkaStreams.State.RUNNING, streams.state());
        }
    }

    /** The producer settings ingest uses (compressed), and room for the record the broker takes compressed. */
    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ProducerRecord<>(Topics.ARTICLES_RAW.name(), 0, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static RawArticle sample() throws Exception {
        String text = Files.readString(Path.of("..", "samples", "articles", "000_fd029c03a7c1386a.txt"));
        return new RawArticle(ArticleIds.of(null, text), null, null, null, "2026-02-18", "ru", text, Instant.now());
    }

    private static Map<String, ConsumerRecord<byte[], byte[]>> byKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, ConsumerRecord<byte[], byte[]>> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(new String(r.key(), StandardCharsets.UTF_8), r));
        return byKey;
    }

    /** Reads committed records only, as a downstream exactly-once consumer does. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-hostile-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        assertEquals(expected, records.size(), "records on " + topic);
        return records;
    }

    private static HttpResponse<String> awaitHealth(int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        HttpResponse<String> health = get("/health");
        while (health.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            health = get("/health");
        }
        assertEquals(status, health.statusCode(), health.body());
        return health;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        assertTrue(header != null, "no header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
