package kz.aqparat.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aqparat.contracts.ArticleIds;
import kz.aqparat.contracts.DlqHeaders;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordHeaders;
import kz.aqparat.contracts.Topics;
import kz.aqparat.extraction.ArticleExtractor;
import kz.aqparat.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enrich-service as deployed: the Micronaut application against a real KRaft broker, checked over real HTTP. */
class EnrichIT {

    private static final Pattern DATE_HEADER = Pattern.compile("^\\s*date (\\d{4}-\\d{2}-\\d{2})");
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
                "kafka.streams.default.application.id", "enrich-it-" + UUID.randomUUID(),
                "aqparat.topic.partitions", 2));
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        base = server.getURI();
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
    void enrichesTheSamplesAndDeadLettersAPoisonRecordWhileRunningHealthy() throws Exception {
        awaitHealthUp();

        List<RawArticle> samples = samples();
        byte[] poison = "{\"id\": \"poison-1\", \"text\": [not json".getBytes(StandardCharsets.UTF_8);
        Map<String, Long> offsets = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (RawArticle article : samples.subList(0, 2)) {
                send(producer, article.id(), Json.mapper().writeValueAsBytes(article));
            }
            var poisonRecord = new ProducerRecord<>(Topics.ARTICLES_RAW.name(), bytes("poison-1"), poison);
            poisonRecord.headers().add("trace-id", bytes("it-trace"));
            var poisonMetadata = producer.send(poisonRecord).get();
            offsets.put("partition", (long) poisonMetadata.partition());
            offsets.put("offset", poisonMetadata.offset());
            // Behind the poison record on its partition, so that they are enriched only if processing goes on.
            for (RawArticle article : samples.subList(2, samples.size())) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), poisonMetadata.partition(),
                        bytes(article.id()), Json.mapper().writeValueAsBytes(article))).get();
            }
        }

        Set<String> ids = samples.stream().map(RawArticle::id).collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> enriched = consume(Topics.ARTICLES_ENRICHED.name(), ids, ids.size());
        Map<String, EnrichedArticle> byId = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : enriched) {
            EnrichedArticle article = Json.mapper().readValue(record.value(), EnrichedArticle.class);
            assertEquals(new String(record.key(), StandardCharsets.UTF_8), article.id());
            byId.put(article.id(), article);
        }
        assertEquals(ids, byId.keySet());
        for (RawArticle sample : samples) {
            EnrichedArticle article = byId.get(sample.id());
            assertEquals(sample.text(), article.text());
            assertEquals(sample.publishedAt(), article.publishedAt());
            assertEquals(ArticleExtractor.VERSION, article.enrichment().version());
            assertTrue(article.enrichment().processedAt().isAfter(sample.receivedAt()));
        }

        ConsumerRecord<byte[], byte[]> dead = consume(Topics.ARTICLES_DLQ.name(), Set.of("poison-1"), 1).get(0);
        assertArrayEquals(bytes("poison-1"), dead.key());
        assertArrayEquals(poison, dead.value());
        assertEquals("it-trace", header(dead, "trace-id"));
        assertEquals("enrich.deserialize", header(dead, DlqHeaders.STAGE));
        assertTrue(header(dead, DlqHeaders.ERROR_CLASS).startsWith("com.fasterxml.jackson."));
        assertTrue(!header(dead, DlqHeaders.ERROR_MESSAGE).isBlank());
        assertEquals(Topics.ARTICLES_RAW.name(), header(dead, DlqHeaders.ORIGINAL_TOPIC));
        assertEquals(offsets.get("partition").toString(), header(dead, DlqHeaders.ORIGINAL_PARTITION));
        assertEquals(offsets.get("offset").toString(), header(dead, DlqHeaders.ORIGINAL_OFFSET));
        assertEquals("enrich-service", header(dead, DlqHeaders.SERVICE));

        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", Json.mapper().readTree(health.body()).path("status").asText(), health.body());

        HttpResponse<String> metrics = get("/prometheus");
        assertEquals(200, metrics.statusCode());
        assertTrue(metricValue(metrics.body(), "aqparat_enrich_enriched_total") >= samples.size(), metrics.body());
        assertTrue(metricValue(metrics.body(), "aqparat_enrich_dead_lettered_total{stage=\"enrich.deserialize\"")
                >= 1, metrics.body());
        assertTrue(metrics.body().contains("kafka_stream"), "no Kafka Streams metrics");
    }

    private static void awaitHealthUp() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        HttpResponse<String> health = get("/health");
        while (health.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            health = get("/health");
        }
        assertEquals(200, health.statusCode(), "never healthy: " + health.body());
    }

    private static List<RawArticle> samples() throws Exception {
        List<RawArticle> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "articles")).sorted()) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                Matcher date = DATE_HEADER.matcher(text);
                samples.add(new RawArticle(ArticleIds.of(null, text), null, null, null,
                        date.find() ? date.group(1) : null, "ru", text, Instant.now()));
            }
        }
        assertEquals(5, samples.size());
        return samples;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), bytes(key), value)).get();
    }

    @Test
    void stampsTheRawOffsetAsSourceVersionForwardsADeleteAndReadsTheReplayTopic() throws Exception {
        awaitHealthUp();
        RawArticle article = samples().get(0).withId("versioned-1");
        byte[] json = Json.mapper().writeValueAsBytes(article);
        long rawOffset;
        long deleteOffset;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            var first = new ProducerRecord<>(Topics.ARTICLES_RAW.name(), bytes(article.id()), json);
            first.headers().add(RecordHeaders.TEXT_FINGERPRINT, bytes("fp-1"));
            rawOffset = producer.send(first).get().offset();
            deleteOffset = producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), bytes(article.id()),
                    null)).get().offset();
            var replayed = new ProducerRecord<>(Topics.ARTICLES_REPLAY.name(), bytes(article.id()), json);
            replayed.headers().add(RecordHeaders.TEXT_FINGERPRINT, bytes("fp-1"))
                    .add(RecordHeaders.SOURCE_OFFSET, bytes(Long.toString(rawOffset)));
            producer.send(replayed).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_REPLAY.name(), bytes("versioned-unknown"),
                    Json.mapper().writeValueAsBytes(article.withId("versioned-unknown")))).get();
        }

        List<ConsumerRecord<byte[], byte[]>> out = consume(Topics.ARTICLES_ENRICHED.name(), Set.of(article.id()), 3);
        List<Long> versions = new ArrayList<>();
        int deletes = 0;
        for (ConsumerRecord<byte[], byte[]> record : out) {
            if (record.value() == null) {
                deletes++;
                assertEquals(Long.toString(deleteOffset), header(record, RecordHeaders.SOURCE_OFFSET));
            } else {
                versions.add(Json.mapper().readValue(record.value(), EnrichedArticle.class).enrichment()
                        .sourceVersion());
                assertEquals("fp-1", header(record, RecordHeaders.TEXT_FINGERPRINT));
            }
        }
        assertEquals(1, deletes);
        // the raw record and its replayed copy: the same source version, whichever was enriched first
        assertEquals(List.of(rawOffset, rawOffset), versions);

        ConsumerRecord<byte[], byte[]> dead = consume(Topics.ARTICLES_DLQ.name(), Set.of("versioned-unknown"), 1)
                .get(0);
        assertEquals("enrich.validate", header(dead, DlqHeaders.STAGE));
        assertEquals(Topics.ARTICLES_REPLAY.name(), header(dead, DlqHeaders.ORIGINAL_TOPIC));
        assertTrue(header(dead, DlqHeaders.ERROR_MESSAGE).contains(RecordHeaders.SOURCE_OFFSET),
                header(dead, DlqHeaders.ERROR_MESSAGE));

        HttpResponse<String> metrics = get("/prometheus");
        assertTrue(metricValue(metrics.body(), "aqparat_enrich_deleted_total") >= 1, metrics.body());
    }

    /**
     * Reads committed records with one of {@code keys} only, as a downstream exactly-once consumer does (the other
     * test of this class writes to the same topics).
     */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, Set<String> keys, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keep(record, keys, records));
            }
            // A little longer, to catch records that must not be there (duplicates, extra dead letters).
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> keep(record, keys, records));
        }
        assertEquals(expected, records.size(), "records on " + topic);
        return records;
    }

    private static void keep(ConsumerRecord<byte[], byte[]> record, Set<String> keys,
                             List<ConsumerRecord<byte[], byte[]>> records) {
        if (record.key() != null && keys.contains(new String(record.key(), StandardCharsets.UTF_8))) {
            records.add(record);
        }
    }

    private static double metricValue(String prometheus, String prefix) {
        return prometheus.lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
